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
        const other = mesh.edgeSite.owner(r[(i + 1) % r.length], r[i]);
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

/**
 * The cells containing at least one of the points (even-odd over each cell's rings). Cells are
 * listed per 5 km grid square in compressed rows over the mesh's extent (typed arrays, no Map).
 */
function cellsHoldingPoints(mesh: Pick<CellMesh, 'cellRings' | 'vertexXY'>, pointsXY: Float64Array): Set<number> {
  const xy = mesh.vertexXY;
  const size = 5000;
  const n = mesh.cellRings.length;
  const box = new Float64Array(n * 4);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  mesh.cellRings.forEach((rings, c) => {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const r of rings)
      for (const v of r) {
        const x = xy[v * 2],
          y = xy[v * 2 + 1];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    box[c * 4] = x0;
    box[c * 4 + 1] = y0;
    box[c * 4 + 2] = x1;
    box[c * 4 + 3] = y1;
    if (x0 < minX) minX = x0;
    if (y0 < minY) minY = y0;
    if (x1 > maxX) maxX = x1;
    if (y1 > maxY) maxY = y1;
  });
  const out = new Set<number>();
  if (!(maxX >= minX)) return out;
  const cols = Math.floor((maxX - minX) / size) + 1,
    rows = Math.floor((maxY - minY) / size) + 1;
  const col = (x: number) => Math.floor((x - minX) / size),
    row = (y: number) => Math.floor((y - minY) / size);
  // Two passes over the cells' squares: count per square, then fill.
  const start = new Int32Array(cols * rows + 1);
  const visit = (c: number, f: (square: number) => void) => {
    if (!(box[c * 4 + 2] >= box[c * 4])) return;
    for (let gx = col(box[c * 4]); gx <= col(box[c * 4 + 2]); gx++)
      for (let gy = row(box[c * 4 + 1]); gy <= row(box[c * 4 + 3]); gy++) f(gx * rows + gy);
  };
  for (let c = 0; c < n; c++) visit(c, (q) => start[q + 1]++);
  for (let q = 0; q < cols * rows; q++) start[q + 1] += start[q];
  const fill = start.slice(0, cols * rows);
  const cells = new Int32Array(start[cols * rows]);
  for (let c = 0; c < n; c++) visit(c, (q) => (cells[fill[q]++] = c));
  for (let p = 0; p < pointsXY.length; p += 2) {
    const x = pointsXY[p],
      y = pointsXY[p + 1];
    const gx = col(x),
      gy = row(y);
    if (gx < 0 || gy < 0 || gx >= cols || gy >= rows) continue;
    const q = gx * rows + gy;
    for (let k = start[q]; k < start[q + 1]; k++) {
      const c = cells[k];
      if (x < box[c * 4] || x > box[c * 4 + 2] || y < box[c * 4 + 1] || y > box[c * 4 + 3]) continue;
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
