// Gives every distinct vertex one id, so two cells that share an edge share its two vertex ids
// exactly: footprints then dissolve by cancelling opposite edges, with no polygon union.
// Vertices closer than the snap distance (2 cm by default) are the same vertex: clipping computes
// the same boundary crossing separately for the two cells either side of it.

const DEFAULT_SNAP_METRES = 0.02;
/** Grid coordinates are offset into [0, 2^26) so a bin key fits a float exactly (< 2^52). */
const OFFSET = 2 ** 25;
const SPAN = 2 ** 26;

export class VertexIndex {
  private readonly bins = new Map<number | string, number>();
  private xy: Float64Array = new Float64Array(1024);
  count = 0;

  constructor(private readonly snapMetres = DEFAULT_SNAP_METRES) {}

  id(x: number, y: number): number {
    const gx = Math.floor(x / this.snapMetres), gy = Math.floor(y / this.snapMetres);
    const own = this.bins.get(binKey(gx, gy));
    if (own !== undefined && this.near(own, x, y)) return own;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        if (dx === 0 && dy === 0) continue;
        const found = this.bins.get(binKey(gx + dx, gy + dy));
        if (found !== undefined && this.near(found, x, y)) return found;
      }
    }
    const id = this.count++;
    if (id * 2 + 2 > this.xy.length) {
      const bigger = new Float64Array(this.xy.length * 2);
      bigger.set(this.xy);
      this.xy = bigger;
    }
    this.xy[id * 2] = x;
    this.xy[id * 2 + 1] = y;
    if (own === undefined) this.bins.set(binKey(gx, gy), id);
    return id;
  }

  private near(id: number, x: number, y: number): boolean {
    return Math.abs(this.xy[id * 2] - x) <= this.snapMetres && Math.abs(this.xy[id * 2 + 1] - y) <= this.snapMetres;
  }

  coordinates(): Float64Array {
    return this.xy.slice(0, this.count * 2);
  }
}

function binKey(gx: number, gy: number): number | string {
  const kx = gx + OFFSET, ky = gy + OFFSET;
  // Areas wider than ~670 km either side of the centre fall back to string keys.
  return kx >= 0 && kx < SPAN && ky >= 0 && ky < SPAN ? kx * SPAN + ky : `${gx},${gy}`;
}
