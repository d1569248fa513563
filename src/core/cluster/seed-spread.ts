// k-means++ seeding: each next seed is drawn with probability proportional to
// (population + 1) x (squared distance to the nearest seed so far). Done naively this is
// O(nodes x seeds) (100,000 sites and 22,500 seeds: 2.2 billion distance updates), so the
// nodes sit in a grid and a new seed only visits grid cells that can hold a node it is nearer
// to (cells closer to it than their own farthest node's nearest-seed distance), and the
// weights sit in a sum tree so a draw is a walk from the root instead of a scan.
// The squared distances are exactly those of the naive loop (same formula, same minimum); the
// draw walks the tree's sums rather than a left-to-right running total, which can only differ
// where a draw lands within rounding (about 1e-16 of the total) of a boundary between nodes.
// Small sets (the re-partitions of a few regions) keep the plain loops, which are cheaper there.
import type { SiteGraph } from './site-graph';

/** Nodes bucketed by a square grid over their bounding box, about two per cell. */
class NodeGrid {
  readonly cols: number;
  readonly rows: number;
  readonly minX: number;
  readonly minY: number;
  readonly side: number;
  /** Members of cell c are order[start[c] .. start[c+1]). */
  readonly start: Int32Array;
  readonly order: Int32Array;

  constructor(xs: Float64Array, ys: Float64Array) {
    const n = xs.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < n; k++) {
      minX = Math.min(minX, xs[k]);
      maxX = Math.max(maxX, xs[k]);
      minY = Math.min(minY, ys[k]);
      maxY = Math.max(maxY, ys[k]);
    }
    const w = maxX - minX;
    const h = maxY - minY;
    // At most about n + 1 columns and rows, so a long thin layout does not make n^2 cells.
    const side = Math.max(Math.sqrt((2 * Math.max(w, 1) * Math.max(h, 1)) / n), w / n, h / n, 1);
    this.minX = minX;
    this.minY = minY;
    this.side = side;
    this.cols = Math.floor(w / side) + 1;
    this.rows = Math.floor(h / side) + 1;
    const cellOf = new Int32Array(n);
    this.start = new Int32Array(this.cols * this.rows + 1);
    for (let k = 0; k < n; k++) {
      cellOf[k] = this.cell(xs[k], ys[k]);
      this.start[cellOf[k] + 1]++;
    }
    for (let c = 0; c < this.cols * this.rows; c++) this.start[c + 1] += this.start[c];
    const fill = this.start.slice(0, -1);
    this.order = new Int32Array(n);
    for (let k = 0; k < n; k++) this.order[fill[cellOf[k]]++] = k;
  }

  col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.side)));
  }

  row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.side)));
  }

  cell(x: number, y: number): number {
    return this.row(y) * this.cols + this.col(x);
  }

  /**
   * Squared distance from (x, y) to cell (cx, cy), the cell widened by a micrometre and a
   * millionth of its side so that rounding (of positions up to 1e9 m) never hides a node in it.
   */
  minDistance2(x: number, y: number, cx: number, cy: number): number {
    const margin = 1e-6 * (this.side + 1);
    const x0 = this.minX + cx * this.side - margin;
    const y0 = this.minY + cy * this.side - margin;
    const s = this.side + 2 * margin;
    const dx = Math.max(0, x0 - x, x - (x0 + s));
    const dy = Math.max(0, y0 - y, y - (y0 + s));
    return dx * dx + dy * dy;
  }
}

/** A complete binary tree over `leaves` values: sums (or maxima) of every subtree, root at 1. */
class SubtreeTree {
  readonly base: number;
  readonly v: Float64Array;

  constructor(
    leaves: number,
    private readonly op: 'sum' | 'max',
  ) {
    let base = 1;
    while (base < leaves) base *= 2;
    this.base = base;
    this.v = new Float64Array(2 * base);
  }

  combine(i: number): number {
    const a = this.v[2 * i];
    const b = this.v[2 * i + 1];
    return this.op === 'sum' ? a + b : Math.max(a, b);
  }

  set(leaf: number, value: number): void {
    let i = leaf + this.base;
    this.v[i] = value;
    for (i >>= 1; i >= 1; i >>= 1) this.v[i] = this.combine(i);
  }

  rebuild(): void {
    for (let i = this.base - 1; i >= 1; i--) this.v[i] = this.combine(i);
  }

  /** The leftmost leaf at which the running sum reaches `target` (sum trees only). */
  descend(target: number): number {
    let i = 1;
    let t = target;
    while (i < this.base) {
      const left = 2 * i;
      if (t <= this.v[left]) i = left;
      else {
        t -= this.v[left];
        i = left + 1;
      }
    }
    return i - this.base;
  }
}

/** Nearest-seed squared distances of every node, kept up to date as seeds are added. */
interface SeedDistances {
  readonly d2: Float64Array;
  /** Lowers each node's distance to that of the new seed at (cx, cy) where it is nearer. */
  addSeed(cx: number, cy: number): void;
  /** Sum over nodes of weight x squared distance. */
  total(): number;
  /** The first node at which the running sum of weight x squared distance reaches `target`. */
  draw(target: number): number;
}

/** The plain loops, for small sets (where building the grid and tree would cost more). */
class PlainDistances implements SeedDistances {
  readonly d2: Float64Array;
  private sum = 0;

  constructor(
    private readonly xs: Float64Array,
    private readonly ys: Float64Array,
    private readonly w: Float64Array,
  ) {
    this.d2 = new Float64Array(xs.length).fill(Infinity);
  }

  addSeed(cx: number, cy: number): void {
    const { xs, ys, w, d2 } = this;
    let sum = 0;
    for (let k = 0; k < xs.length; k++) {
      const d = (xs[k] - cx) ** 2 + (ys[k] - cy) ** 2;
      if (d < d2[k]) d2[k] = d;
      sum += d2[k] * w[k];
    }
    this.sum = sum;
  }

  total(): number {
    return this.sum;
  }

  draw(target: number): number {
    const { w, d2 } = this;
    let left = target;
    for (let k = 0; k < d2.length; k++) {
      left -= d2[k] * w[k];
      if (left <= 0 && d2[k] > 0) return k;
    }
    return d2.length - 1;
  }
}

/** Grid and sum tree, for large sets. */
class IndexedDistances implements SeedDistances {
  readonly d2: Float64Array;
  private readonly weighted: SubtreeTree;
  private readonly cellMax: SubtreeTree;
  private readonly grid: NodeGrid;
  private readonly changed: Int32Array;

  constructor(
    private readonly xs: Float64Array,
    private readonly ys: Float64Array,
    private readonly w: Float64Array,
  ) {
    const n = xs.length;
    this.d2 = new Float64Array(n).fill(Infinity);
    this.weighted = new SubtreeTree(n, 'sum');
    this.grid = new NodeGrid(xs, ys);
    this.cellMax = new SubtreeTree(this.grid.cols * this.grid.rows, 'max');
    for (let c = 0; c < this.grid.cols * this.grid.rows; c++) {
      if (this.grid.start[c + 1] > this.grid.start[c]) this.cellMax.v[this.cellMax.base + c] = Infinity;
    }
    this.cellMax.rebuild();
    this.changed = new Int32Array(n);
  }

  addSeed(cx: number, cy: number): void {
    const { grid, d2, xs, ys } = this;
    const reach = Math.sqrt(this.cellMax.v[1]);
    const c0 = grid.col(cx - reach);
    const c1 = grid.col(cx + reach);
    const r0 = grid.row(cy - reach);
    const r1 = grid.row(cy + reach);
    let changed = 0;
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const c = row * grid.cols + col;
        const before = this.cellMax.v[this.cellMax.base + c];
        if (grid.minDistance2(cx, cy, col, row) >= before) continue;
        let max = 0;
        for (let at = grid.start[c]; at < grid.start[c + 1]; at++) {
          const k = grid.order[at];
          const d = (xs[k] - cx) ** 2 + (ys[k] - cy) ** 2;
          if (d < d2[k]) {
            d2[k] = d;
            this.changed[changed++] = k;
          }
          if (d2[k] > max) max = d2[k];
        }
        if (max !== before) this.cellMax.set(c, max);
      }
    }
    const { weighted } = this;
    for (let j = 0; j < changed; j++) {
      const k = this.changed[j];
      weighted.v[weighted.base + k] = d2[k] * this.w[k];
    }
    if (changed * 8 > xs.length) weighted.rebuild();
    else for (let j = 0; j < changed; j++) weighted.set(this.changed[j], weighted.v[weighted.base + this.changed[j]]);
  }

  total(): number {
    return this.weighted.v[1];
  }

  draw(target: number): number {
    return Math.min(this.d2.length - 1, this.weighted.descend(target));
  }
}

/** Below this many node x seed updates the plain loops are cheaper. */
const PLAIN_BELOW = 1 << 18;

/** k-means++ seeds among `nodes` (indices into `nodes`' graph), deterministic for `random`'s state. */
export function pickSeeds(g: SiteGraph, nodes: readonly number[], m: number, random: () => number): number[] {
  const n = nodes.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const w = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    xs[k] = g.x[nodes[k]];
    ys[k] = g.y[nodes[k]];
    w[k] = g.population[nodes[k]] + 1;
    total += w[k];
  }
  let chosen = 0;
  let target = random() * total;
  for (let k = 0; k < n; k++) {
    target -= w[k];
    if (target <= 0) {
      chosen = k;
      break;
    }
  }
  const seeds: number[] = [];
  const dist: SeedDistances = n * m < PLAIN_BELOW ? new PlainDistances(xs, ys, w) : new IndexedDistances(xs, ys, w);
  const { d2 } = dist;
  while (seeds.length < m) {
    seeds.push(nodes[chosen]);
    dist.addSeed(xs[chosen], ys[chosen]);
    if (seeds.length === m) break;
    const sum = dist.total();
    if (sum <= 0) {
      chosen = seeds.length % n;
      while (seeds.includes(nodes[chosen])) chosen = (chosen + 1) % n;
      continue;
    }
    chosen = dist.draw(random() * sum);
    if (d2[chosen] === 0) chosen = d2.findIndex((d) => d > 0);
  }
  return seeds;
}
