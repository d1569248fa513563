// Sets and maps of small non-negative integers (site, cell or vertex indices) emptied in constant
// time: `clear` moves to a new stamp instead of allocating. Footprints and figures ask "is this
// site a member?" for every edge, once per network (a plan of 18,000 networks built 54,000 Sets
// for it), and every footprint's rings are chained through vertex-keyed tables.

export class SiteMarks {
  private stamps = new Int32Array(0);
  private stamp = 0;

  /** Empties the set; indices up to `size - 1` may be added until the next clear. */
  clear(size: number): void {
    if (this.stamps.length < size) {
      this.stamps = new Int32Array(Math.max(size, this.stamps.length * 2));
      this.stamp = 0;
    } else if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  /** Adds `i`; false when it was already in the set. */
  add(i: number): boolean {
    if (this.stamps[i] === this.stamp) return false;
    this.stamps[i] = this.stamp;
    return true;
  }

  has(i: number): boolean {
    return this.stamps[i] === this.stamp;
  }
}

/** A map from small non-negative integers (vertex ids) to integers, emptied in constant time like SiteMarks. */
export class IndexTable {
  private stamps = new Int32Array(0);
  private values = new Int32Array(0);
  private stamp = 0;

  /** Empties the table; keys up to `size - 1` may be set until the next clear. */
  clear(size: number): void {
    if (this.stamps.length < size) {
      const length = Math.max(size, this.stamps.length * 2);
      this.stamps = new Int32Array(length);
      this.values = new Int32Array(length);
      this.stamp = 0;
    } else if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  /** The value set for `key`, or -1. */
  get(key: number): number {
    return this.stamps[key] === this.stamp ? this.values[key] : -1;
  }

  set(key: number, value: number): void {
    this.stamps[key] = this.stamp;
    this.values[key] = value;
  }

  delete(key: number): void {
    this.stamps[key] = 0;
  }
}
