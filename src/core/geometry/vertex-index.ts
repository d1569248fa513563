// Gives every distinct vertex one id, so two cells that share an edge share its two vertex ids
// exactly: footprints then dissolve by cancelling opposite edges, with no polygon union.
// Vertices closer than the snap distance (2 cm by default) are the same vertex: clipping computes
// the same boundary crossing separately for the two cells either side of it.
// The snap grid is a GridBins table (grid column, grid row -> first vertex id in that bin).
import { GridBins } from './grid-bins';

const DEFAULT_SNAP_METRES = 0.02;

export class VertexIndex {
  private readonly bins: GridBins;
  private xy: Float64Array;
  count = 0;

  /** `expected`: about how many distinct vertices will come, to size the tables once. */
  constructor(
    private readonly snapMetres = DEFAULT_SNAP_METRES,
    expected = 0,
  ) {
    this.bins = new GridBins(expected);
    this.xy = new Float64Array(Math.max(1024, expected * 2));
  }

  id(x: number, y: number): number {
    const gx = Math.floor(x / this.snapMetres),
      gy = Math.floor(y / this.snapMetres);
    const own = this.bins.get(gx, gy);
    if (own >= 0 && this.near(own, x, y)) return own;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        if (dx === 0 && dy === 0) continue;
        const found = this.bins.get(gx + dx, gy + dy);
        if (found >= 0 && this.near(found, x, y)) return found;
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
    if (own < 0) this.bins.set(gx, gy, id);
    return id;
  }

  /**
   * True when `id` is the vertex its bin keeps for (x, y)'s bin: `id(x, y)` then answers `id` for
   * ever after (a bin's vertex is never replaced), so a caller may remember it.
   */
  ownsBin(id: number, x: number, y: number): boolean {
    return this.bins.get(Math.floor(x / this.snapMetres), Math.floor(y / this.snapMetres)) === id;
  }

  private near(id: number, x: number, y: number): boolean {
    return Math.abs(this.xy[id * 2] - x) <= this.snapMetres && Math.abs(this.xy[id * 2 + 1] - y) <= this.snapMetres;
  }

  coordinates(): Float64Array {
    return this.xy.slice(0, this.count * 2);
  }
}
