// A point guaranteed inside a cell (unlike its centroid, which a crescent-shaped area misses).
import type { CellMesh } from './dissolve-sites';

/**
 * Projected [x, y] inside cell `c` of the mesh: the middle of the widest span of a horizontal line
 * through the middle of its largest ring's extent (even-odd over all its rings, so holes are
 * avoided). Null for a cell with no rings. Example: `representativePoint(mesh, 0)`.
 */
export function representativePoint(
  mesh: Pick<CellMesh, 'cellRings' | 'vertexXY'>,
  c: number,
): [number, number] | null {
  const rings = mesh.cellRings[c];
  const xy = mesh.vertexXY;
  let best: Int32Array | null = null;
  let bestSpan = -1;
  let lo = 0,
    hi = 0;
  for (const r of rings) {
    let minY = Infinity,
      maxY = -Infinity,
      minX = Infinity,
      maxX = -Infinity;
    for (const v of r) {
      minY = Math.min(minY, xy[v * 2 + 1]);
      maxY = Math.max(maxY, xy[v * 2 + 1]);
      minX = Math.min(minX, xy[v * 2]);
      maxX = Math.max(maxX, xy[v * 2]);
    }
    if ((maxX - minX) * (maxY - minY) > bestSpan) {
      bestSpan = (maxX - minX) * (maxY - minY);
      best = r;
      lo = minY;
      hi = maxY;
    }
  }
  if (!best) return null;
  // Slightly off the middle, so the line is unlikely to pass exactly through a vertex.
  const y = lo + (hi - lo) * 0.5000123;
  const xs: number[] = [];
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const yi = xy[r[i] * 2 + 1],
        yj = xy[r[j] * 2 + 1];
      if (yi > y === yj > y) continue;
      const xi = xy[r[i] * 2],
        xj = xy[r[j] * 2];
      xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
  xs.sort((a, b) => a - b);
  let x = xy[best[0] * 2];
  let widest = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1] - xs[k] > widest) {
      widest = xs[k + 1] - xs[k];
      x = (xs[k] + xs[k + 1]) / 2;
    }
  }
  return [x, y];
}
