// A SmallAreaMesh as a handful of typed arrays, so the worker that builds it can hand it to the
// page by transfer (about a millisecond) instead of structured cloning 33,000 rings of objects.
import { EdgeSites, type EdgeSiteArrays } from './edge-sites';
import { projectionAt } from './projection';
import { representativePoint } from './representative-point';
import type { SmallAreaMesh } from './small-area-mesh';

export interface FlatSmallAreaMesh {
  readonly lon0: number;
  readonly lat0: number;
  readonly vertexXY: Float64Array;
  readonly vertexLonLat: Float64Array;
  /** Area c's rings are rings cellStart[c] .. cellStart[c + 1]; ring k's ids are ringIds[ringStart[k] .. ringStart[k + 1]). */
  readonly cellStart: Int32Array;
  readonly ringStart: Int32Array;
  readonly ringIds: Int32Array;
  readonly cellAreaKm2: Float64Array;
  readonly edges: EdgeSiteArrays;
  readonly insideXY: Float64Array;
  readonly unmatchedBefore: number;
  readonly unmatchedAfter: number;
  readonly edgeCount: number;
}

/** The mesh with a point inside every area computed now (in a worker, off the page's thread). */
export function withInsidePoints(mesh: SmallAreaMesh): SmallAreaMesh {
  const n = mesh.cellRings.length;
  const insideXY = new Float64Array(n * 2);
  for (let a = 0; a < n; a++) {
    const p = representativePoint(mesh, a) ?? [0, 0];
    insideXY[a * 2] = p[0];
    insideXY[a * 2 + 1] = p[1];
  }
  return { ...mesh, insideXY };
}

/** Example: `postMessage(flat, transfer)` with `{ flat, transfer } = flattenSmallAreaMesh(withInsidePoints(mesh))`. */
export function flattenSmallAreaMesh(mesh: SmallAreaMesh): { flat: FlatSmallAreaMesh; transfer: ArrayBuffer[] } {
  const cells = mesh.cellRings;
  const cellStart = new Int32Array(cells.length + 1);
  let rings = 0,
    ids = 0;
  cells.forEach((rs, c) => {
    rings += rs.length;
    for (const r of rs) ids += r.length;
    cellStart[c + 1] = rings;
  });
  const ringStart = new Int32Array(rings + 1);
  const ringIds = new Int32Array(ids);
  let k = 0;
  for (const rs of cells) {
    for (const r of rs) {
      ringIds.set(r, ringStart[k]);
      ringStart[k + 1] = ringStart[k] + r.length;
      k++;
    }
  }
  if (!(mesh.edgeSite instanceof EdgeSites)) throw new Error('flattenSmallAreaMesh: the mesh has no EdgeSites table');
  const edges = mesh.edgeSite.arrays();
  const insideXY = mesh.insideXY ?? withInsidePoints(mesh).insideXY!;
  const flat: FlatSmallAreaMesh = {
    lon0: mesh.projection.lon0,
    lat0: mesh.projection.lat0,
    vertexXY: mesh.vertexXY,
    vertexLonLat: mesh.vertexLonLat,
    cellStart,
    ringStart,
    ringIds,
    cellAreaKm2: mesh.cellAreaKm2,
    edges,
    insideXY,
    unmatchedBefore: mesh.unmatchedBefore,
    unmatchedAfter: mesh.unmatchedAfter,
    edgeCount: mesh.edgeCount,
  };
  const buffers = [
    flat.vertexXY,
    flat.vertexLonLat,
    cellStart,
    ringStart,
    ringIds,
    flat.cellAreaKm2,
    edges.start,
    edges.to,
    edges.site,
    insideXY,
  ].map((a) => a.buffer as ArrayBuffer);
  return { flat, transfer: [...new Set(buffers)] };
}

/** The mesh again, its rings views into `flat.ringIds` (no copies). */
export function unflattenSmallAreaMesh(flat: FlatSmallAreaMesh): SmallAreaMesh {
  const cellRings: Int32Array[][] = [];
  for (let c = 0; c + 1 < flat.cellStart.length; c++) {
    const rings: Int32Array[] = [];
    for (let k = flat.cellStart[c]; k < flat.cellStart[c + 1]; k++)
      rings.push(flat.ringIds.subarray(flat.ringStart[k], flat.ringStart[k + 1]));
    cellRings.push(rings);
  }
  return {
    projection: projectionAt(flat.lon0, flat.lat0),
    vertexXY: flat.vertexXY,
    vertexLonLat: flat.vertexLonLat,
    cellRings,
    cellAreaKm2: flat.cellAreaKm2,
    edgeSite: new EdgeSites(flat.edges, flat.vertexXY.length / 2),
    insideXY: flat.insideXY,
    unmatchedBefore: flat.unmatchedBefore,
    unmatchedAfter: flat.unmatchedAfter,
    edgeCount: flat.edgeCount,
  };
}
