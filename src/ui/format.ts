export const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
export const km2 = (n: number) => `${n < 10 ? n.toFixed(1) : fmt(n)} km²`;
export const BAND_TEXT = { below: 'Below band', within: 'In band', above: 'Above band' } as const;
