// The nearest practice with a network, for small areas where no practice of the plan has
// registered patients (or when there are no registrations at all). With hard areas, only
// practices of networks of the small area's own hard area count, unless that area has none.
import { Delaunay } from 'd3-delaunay';
import { areaReferenceXY, type SmallAreaContext } from './context';

interface Group {
  readonly delaunay: Delaunay<number>;
  readonly practices: Int32Array;
}

export class NearestPractice {
  private readonly groups = new Map<number, Group>();
  private readonly all: Group | null;

  /** `networkOfPractice[i] >= 0` marks the practices that can be nearest; `networkHard` groups them by their network's hard area. */
  constructor(
    private readonly ctx: SmallAreaContext,
    networkOfPractice: Int32Array,
    networkHard: Int32Array | null,
  ) {
    const members = new Map<number, number[]>();
    const every: number[] = [];
    networkOfPractice.forEach((k, i) => {
      if (k < 0) return;
      every.push(i);
      const h = networkHard ? networkHard[k] : -1;
      const list = members.get(h);
      if (list) list.push(i);
      else members.set(h, [i]);
    });
    this.all = this.group(every);
    if (networkHard) for (const [h, list] of members) this.groups.set(h, this.group(list)!);
  }

  private group(list: readonly number[]): Group | null {
    if (list.length === 0) return null;
    const xy = this.ctx.practiceXY;
    const points = new Float64Array(list.length * 2);
    list.forEach((i, k) => {
      points[k * 2] = xy[i * 2];
      points[k * 2 + 1] = xy[i * 2 + 1];
    });
    return { delaunay: new Delaunay(points), practices: Int32Array.from(list) };
  }

  /** Practice index nearest to area `a`'s reference point, or -1 when no practice has a network. */
  find(a: number): number {
    const g = (this.ctx.areaHard && this.groups.get(this.ctx.areaHard[a])) || this.all;
    if (!g) return -1;
    if (g.practices.length === 1) return g.practices[0];
    const [x, y] = areaReferenceXY(this.ctx, a);
    return g.practices[g.delaunay.find(x, y)];
  }
}
