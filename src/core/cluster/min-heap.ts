// Binary min-heap of integer items keyed by numbers. Ties break on the smaller item so that
// the order (and so every clustering) is deterministic: the pops follow the total order on
// (key, item), whatever the pushes' order. Sifts move a hole instead of swapping pairs, and
// `clear` keeps the storage so a heap can be reused without allocating.

export class MinHeap {
  private keys: number[] = [];
  private items: number[] = [];
  private n = 0;

  get size(): number {
    return this.n;
  }

  clear(): void {
    this.n = 0;
  }

  push(item: number, key: number): void {
    const { keys, items } = this;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk < key || (pk === key && items[parent] < item)) break;
      keys[i] = pk;
      items[i] = items[parent];
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Smallest item, or -1 when empty; the heap is unchanged. */
  peek(): number {
    return this.n === 0 ? -1 : this.items[0];
  }

  /** Smallest item, or -1 when empty. */
  pop(): number {
    if (this.n === 0) return -1;
    const top = this.items[0];
    const n = --this.n;
    if (n > 0) this.siftDown(this.keys[n], this.items[n]);
    return top;
  }

  /** Replaces the smallest item by (item, key): the same as pop then push, in one sift. */
  replaceTop(item: number, key: number): void {
    if (this.n === 0) this.push(item, key);
    else this.siftDown(key, item);
  }

  /** Puts (key, item) at the root's place and moves it down to where it belongs. */
  private siftDown(key: number, item: number): void {
    const { keys, items, n } = this;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (keys[r] < keys[c] || (keys[r] === keys[c] && items[r] < items[c]))) c = r;
      if (key < keys[c] || (key === keys[c] && item < items[c])) break;
      keys[i] = keys[c];
      items[i] = items[c];
      i = c;
    }
    keys[i] = key;
    items[i] = item;
  }
}
