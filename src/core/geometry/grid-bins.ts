// Integer grid cell (column, row) -> one non-negative id, for snapping points to a fine grid
// (vertex-index.ts, sites.ts). An open-addressing hash table over typed arrays: a Map keyed by a
// string, or by one number per cell, needs keys that V8 allocates (strings, or doubles past 2^30),
// which cost most of the tessellation's time at 100,000 sites.

const EMPTY = -1;

export class GridBins {
  private cx: Int32Array;
  private cy: Int32Array;
  private ids: Int32Array;
  private size = 0;

  /** `expected`: about how many cells will be stored, to size the table once instead of growing it. */
  constructor(expected = 0) {
    let slots = 1 << 12;
    while (slots < expected * 2) slots *= 2;
    this.cx = new Int32Array(slots);
    this.cy = new Int32Array(slots);
    this.ids = new Int32Array(slots).fill(EMPTY);
  }

  /** The id stored for cell (gx, gy), or -1. Columns and rows must be 32-bit integers. */
  get(gx: number, gy: number): number {
    return this.ids[this.slot(gx, gy)];
  }

  /** Stores `id` (>= 0) for cell (gx, gy), replacing any id there. */
  set(gx: number, gy: number, id: number) {
    if ((this.size + 1) * 2 > this.ids.length) this.grow();
    const k = this.slot(gx, gy);
    if (this.ids[k] === EMPTY) this.size++;
    this.cx[k] = gx;
    this.cy[k] = gy;
    this.ids[k] = id;
  }

  /** Where cell (gx, gy) is, or the empty slot where it would go (linear probing). */
  private slot(gx: number, gy: number): number {
    const mask = this.ids.length - 1;
    let k = (Math.imul(gx, 0x9e3779b1) ^ Math.imul(gy, 0x85ebca77)) & mask;
    while (this.ids[k] !== EMPTY && (this.cx[k] !== gx || this.cy[k] !== gy)) k = (k + 1) & mask;
    return k;
  }

  private grow() {
    const { cx, cy, ids } = this;
    this.cx = new Int32Array(ids.length * 2);
    this.cy = new Int32Array(ids.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(EMPTY);
    for (let k = 0; k < ids.length; k++) {
      if (ids[k] === EMPTY) continue;
      const s = this.slot(cx[k], cy[k]);
      this.cx[s] = cx[k];
      this.cy[s] = cy[k];
      this.ids[s] = ids[k];
    }
  }
}
