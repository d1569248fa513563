// Colour-blind-safe categorical colours: Okabe-Ito, then Paul Tol's "muted" set, without their
// light blues (on a map they read as water). Band status is never shown by colour alone (text and
// outline style carry it), so colours only tell networks apart; neighbours never share one
// (see colours.ts).
export const PALETTE = [
  '#E69F00',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#332288',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
] as const;

export const colourFor = (index: number) => PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length];
