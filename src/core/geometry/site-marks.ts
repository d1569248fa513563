// A set of small non-negative integers (site or cell indices) emptied in constant time: `clear`
// moves to a new stamp instead of allocating. Footprints and figures ask "is this site a member?"
// for every edge, once per network; a plan of 18,000 networks built 54,000 Sets for it.

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
