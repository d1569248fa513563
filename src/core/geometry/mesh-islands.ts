// Islands of a mesh that hold none of the given points (a practice-free island LSOA): a network's
// part there does not break its contiguity, as with practice cells (Tessellation.islandEdges).
import type { CellMesh } from './dissolve-sites';
import { pointInRingIds } from './ring-math';

/**
 * Directed edge keys (from * vertexCount + to) of every ring of the cells in connected groups
 * (cells joined by shared edges) that contain none of `pointsXY` ([x0, y0, x1, y1, ...], projected).
 * Example: `meshIslandEdges(mesh, practiceXY).size === 0` when every island holds a practice.
 */
export function meshIslandEdges(
  mesh: Pick<CellMesh, 'cellRings' | 'vertexXY' | 'edgeSite'>,
  pointsXY: Float64Array,
): Set<number> {
  const n = mesh.cellRings.length;
  const nV = mesh.vertexXY.length / 2;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  mesh.cellRings.forEach((rings, c) => {
    for (const r of rings) {
      for (let i = 0; i < r.length; i++) {
        const other = mesh.edgeSite.get(r[(i + 1) % r.length] * nV + r[i]);
        if (other !== undefined) parent[find(c)] = find(other);
      }
    }
  });
  const held = new Uint8Array(n);
  for (const c of cellsHoldingPoints(mesh, pointsXY)) held[find(c)] = 1;
  const edges = new Set<number>();
  mesh.cellRings.forEach((rings, c) => {
    if (held[find(c)]) return;
    for (const r of rings) for (let i = 0; i < r.length; i++) edges.add(r[i] * nV + r[(i + 1) % r.length]);
  });
  return edges;
}

/** The cells containing at least one of the points (even-odd over each cell's rings), via a box grid. */
function cellsHoldingPoints(mesh: Pick<CellMesh, 'cellRings' | 'vertexXY'>, pointsXY: Float64Array): Set<number> {
  const xy = mesh.vertexXY;
  const size = 5000;
  const grid = new Map<number, number[]>();
  const key = (gx: number, gy: number) => (gx + 2 ** 20) * 2 ** 21 + gy + 2 ** 20;
  mesh.cellRings.forEach((rings, c) => {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const r of rings)
      for (const v of r) {
        minX = Math.min(minX, xy[v * 2]);
        maxX = Math.max(maxX, xy[v * 2]);
        minY = Math.min(minY, xy[v * 2 + 1]);
        maxY = Math.max(maxY, xy[v * 2 + 1]);
      }
    for (let gx = Math.floor(minX / size); gx <= Math.floor(maxX / size); gx++) {
      for (let gy = Math.floor(minY / size); gy <= Math.floor(maxY / size); gy++) {
        const bin = grid.get(key(gx, gy));
        if (bin) bin.push(c);
        else grid.set(key(gx, gy), [c]);
      }
    }
  });
  const out = new Set<number>();
  for (let p = 0; p < pointsXY.length; p += 2) {
    const x = pointsXY[p],
      y = pointsXY[p + 1];
    for (const c of grid.get(key(Math.floor(x / size), Math.floor(y / size))) ?? []) {
      let inside = false;
      for (const r of mesh.cellRings[c]) if (pointInRingIds(x, y, r, xy)) inside = !inside;
      if (inside) {
        out.add(c);
        break;
      }
    }
  }
  return out;
}
