// Sutherland-Hodgman, the one polygon-against-convex-region clipping loop of the core: each pass
// keeps the part of a ring on the inside of one clip edge. Exact for a convex clip region; the
// callers choose the edge test and the cut arithmetic (an axis-aligned box in clip-cell, any
// convex ring in align/planar).

/**
 * One pass over the closed polygon `pts` (not repeating its first point): the points inside, and
 * where an edge prev -> cur crosses the clip edge, `cut(prev, cur)`, in ring order starting at
 * the closing edge's cut. Example: the unit square with `inside = (p) => p[0] <= 0.5` and a
 * vertical cut gives the left half.
 */
export function clipPass<P>(pts: readonly P[], inside: (p: P) => boolean, cut: (a: P, b: P) => P): P[] {
  const out: P[] = [];
  for (let i = 0; i < pts.length; i++) {
    const cur = pts[i],
      prev = pts[(i + pts.length - 1) % pts.length];
    const ci = inside(cur),
      pi = inside(prev);
    if (ci) {
      if (!pi) out.push(cut(prev, cur));
      out.push(cur);
    } else if (pi) out.push(cut(prev, cur));
  }
  return out;
}
