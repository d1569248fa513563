// One formatter for every figure: toLocaleString builds a new one on each call.
const numbers = new Intl.NumberFormat('en-GB');
export const fmt = (n: number) => numbers.format(Math.round(n));
export const km2 = (n: number) => `${n < 10 ? n.toFixed(1) : fmt(n)} km²`;
export const BAND_TEXT = { below: 'Below band', within: 'In band', above: 'Above band' } as const;
