// A Tessellation as a few flat typed arrays, to move it between threads: a worker builds it (and
// its cells' GeoJSON, which the map draws) and transfers the arrays (no copy); the receiving side
// rebuilds the Tessellation with views into them and a few thousand small objects, in
// milliseconds, without redoing any geometry.
import type { Boundary } from '../model';
import { packCellGeometries, adoptCellGeometries } from './cell-geometry';
import { EdgeSites, type EdgeSiteArrays } from './edge-sites';
import type { PackedPolygons } from './packed-polygons';
import { projectionAt } from './projection';
import type { Site } from './sites';
import type { Tessellation } from './tessellation';

export interface PackedTessellation {
  readonly lon0: number;
  readonly lat0: number;
  /** Per site [lon, lat, x, y]. */
  readonly sitePositions: Float64Array;
  /** Site s's practices are sitePractices[sitePracticeStart[s] .. sitePracticeStart[s + 1]). */
  readonly sitePracticeStart: Int32Array;
  readonly sitePractices: Int32Array;
  readonly siteOfPractice: Int32Array;
  readonly vertexXY: Float64Array;
  readonly vertexLonLat: Float64Array;
  /** Site s's rings are rings cellRingStart[s] .. cellRingStart[s + 1]. */
  readonly cellRingStart: Int32Array;
  /** Ring r's vertex ids are ringVertices[ringStart[r] .. ringStart[r + 1]). */
  readonly ringStart: Int32Array;
  readonly ringVertices: Int32Array;
  readonly cellAreaKm2: Float64Array;
  /** Site s's neighbours (and shared edge lengths) are at neighbourStart[s] .. neighbourStart[s + 1]. */
  readonly neighbourStart: Int32Array;
  readonly neighbours: Int32Array;
  readonly sharedEdgeMetres: Float64Array;
  /** Directed edge keys (may pass 2^31). */
  readonly islandEdges: Float64Array;
  /** The edge -> site tables (rebuilding them on the receiving side took 10-15 ms nationally). */
  readonly edgeSites: EdgeSiteArrays;
  readonly areaGeometry: Boundary;
  readonly areaKm2: number;
  /** Each site's cell as GeoJSON (for the map), built on the packing side. */
  readonly cellGeometries: PackedPolygons;
}

/** Offsets of consecutive runs: out[i + 1] - out[i] = length of run i. */
function offsets(lengths: readonly number[] | Int32Array): Int32Array {
  const out = new Int32Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) out[i + 1] = out[i] + lengths[i];
  return out;
}

function concatInt32(parts: readonly Int32Array[] | readonly (readonly number[])[], start: Int32Array): Int32Array {
  const out = new Int32Array(start[start.length - 1]);
  parts.forEach((p, i) => out.set(p, start[i]));
  return out;
}

/** The tessellation's edge -> site tables in fresh buffers (built from its rings if it has none). */
function edgeSiteArrays(t: Tessellation): EdgeSiteArrays {
  const edges = t.edgeSite instanceof EdgeSites ? t.edgeSite : new EdgeSites(t.cellRings, t.vertexXY.length / 2);
  const { start, to, site } = edges.arrays();
  return { start: start.slice(), to: to.slice(), site: site.slice() };
}

/** The tessellation's arrays, copied into fresh buffers (so they can be transferred). */
export function packTessellation(t: Tessellation): PackedTessellation {
  const n = t.sites.length;
  const sitePositions = new Float64Array(n * 4);
  t.sites.forEach((s, i) => sitePositions.set([s.lon, s.lat, s.x, s.y], i * 4));
  const sitePracticeStart = offsets(t.sites.map((s) => s.practices.length));
  const rings = t.cellRings.flat();
  const ringStart = offsets(rings.map((r) => r.length));
  const neighbourStart = offsets(t.neighbours.map((a) => a.length));
  const sharedEdgeMetres = new Float64Array(neighbourStart[n]);
  t.sharedEdgeMetres.forEach((a, i) => sharedEdgeMetres.set(a, neighbourStart[i]));
  return {
    lon0: t.projection.lon0,
    lat0: t.projection.lat0,
    sitePositions,
    sitePracticeStart,
    sitePractices: concatInt32(
      t.sites.map((s) => s.practices),
      sitePracticeStart,
    ),
    siteOfPractice: t.siteOfPractice.slice(),
    vertexXY: t.vertexXY.slice(),
    vertexLonLat: t.vertexLonLat.slice(),
    cellRingStart: offsets(t.cellRings.map((c) => c.length)),
    ringStart,
    ringVertices: concatInt32(rings, ringStart),
    cellAreaKm2: t.cellAreaKm2.slice(),
    neighbourStart,
    neighbours: concatInt32(t.neighbours, neighbourStart),
    sharedEdgeMetres,
    islandEdges: Float64Array.from(t.islandEdges),
    edgeSites: edgeSiteArrays(t),
    areaGeometry: t.areaGeometry,
    areaKm2: t.areaKm2,
    cellGeometries: packCellGeometries(t),
  };
}

/** The Tessellation over the packed arrays (views, not copies); equal to the one packed. */
export function unpackTessellation(p: PackedTessellation): Tessellation {
  const n = p.sitePracticeStart.length - 1;
  const sites: Site[] = new Array(n);
  const cellRings: Int32Array[][] = new Array(n);
  const neighbours: Int32Array[] = new Array(n);
  const sharedEdgeMetres: Float64Array[] = new Array(n);
  const pos = p.sitePositions;
  for (let s = 0; s < n; s++) {
    sites[s] = {
      lon: pos[s * 4],
      lat: pos[s * 4 + 1],
      x: pos[s * 4 + 2],
      y: pos[s * 4 + 3],
      practices: Array.from(p.sitePractices.subarray(p.sitePracticeStart[s], p.sitePracticeStart[s + 1])),
    };
    const rings: Int32Array[] = [];
    for (let r = p.cellRingStart[s]; r < p.cellRingStart[s + 1]; r++)
      rings.push(p.ringVertices.subarray(p.ringStart[r], p.ringStart[r + 1]));
    cellRings[s] = rings;
    neighbours[s] = p.neighbours.subarray(p.neighbourStart[s], p.neighbourStart[s + 1]);
    sharedEdgeMetres[s] = p.sharedEdgeMetres.subarray(p.neighbourStart[s], p.neighbourStart[s + 1]);
  }
  const t: Tessellation = {
    projection: projectionAt(p.lon0, p.lat0),
    sites,
    siteOfPractice: p.siteOfPractice,
    vertexXY: p.vertexXY,
    vertexLonLat: p.vertexLonLat,
    cellRings,
    cellAreaKm2: p.cellAreaKm2,
    neighbours,
    sharedEdgeMetres,
    edgeSite: new EdgeSites(p.edgeSites, p.vertexXY.length / 2),
    islandEdges: new Set(p.islandEdges),
    areaGeometry: p.areaGeometry,
    areaKm2: p.areaKm2,
  };
  adoptCellGeometries(t, p.cellGeometries);
  return t;
}
