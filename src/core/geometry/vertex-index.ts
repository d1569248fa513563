// Gives every distinct vertex one id, so two cells that share an edge share its two vertex ids
// exactly: footprints then dissolve by cancelling opposite edges, with no polygon union.
// Vertices closer than the snap distance (default 1 cm) are the same vertex: clipping computes
// the same boundary crossing separately for the two cells either side of it.

export class VertexIndex {
  private readonly grid = new Map<string, number>();
  private xy: Float64Array = new Float64Array(1024);
  count = 0;

  constructor(private readonly snapMetres = 0.01) {}

  id(x: number, y: number): number {
    const s = this.snapMetres;
    const gx = Math.floor(x / s), gy = Math.floor(y / s);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const found = this.grid.get(`${gx + dx},${gy + dy}`);
        if (found !== undefined && Math.abs(this.xy[found * 2] - x) <= s && Math.abs(this.xy[found * 2 + 1] - y) <= s) {
          return found;
        }
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
    this.grid.set(`${gx},${gy}`, id);
    return id;
  }

  coordinates(): Float64Array {
    return this.xy.slice(0, this.count * 2);
  }
}
