// One Voronoi cell per practice site, in an equal-area projection, clipped to the study area,
// with the edge-adjacency graph. Built once per (practices, boundary); every footprint, metric
// and clustering move afterwards is arithmetic over these arrays.
import { Delaunay } from 'd3-delaunay';
import type { Boundary, Practice } from '../model';
import { clipCellToArea, type XY } from './clip-cell';
import { type EdgeSiteLookup, meshAdjacency } from './edge-sites';
import { farPoints } from './far-points';
import { GridBins } from './grid-bins';
import { InteriorCells } from './interior-cells';
import { polygonsOf } from './polygons';
import { projectionOfExtent, type Projection } from './projection';
import { signedAreaOfIds, signedAreaOfPoints } from './ring-math';
import { mergeSites, type Site } from './sites';
import { boundaryStudyArea, emptyStudyArea, hullStudyAreaXY, type StudyArea } from './study-area';
import { normaliseCell } from './normalise-cell';
import { reattachFragments } from './reattach-fragments';
import { VertexIndex } from './vertex-index';

export type { Site } from './sites';

export interface Tessellation {
  readonly projection: Projection;
  readonly sites: readonly Site[];
  /** Practice index -> site index. */
  readonly siteOfPractice: Int32Array;
  /** Projected metres [x0, y0, x1, y1, ...]; shared vertices have one id. */
  readonly vertexXY: Float64Array;
  /** WGS84 degrees [lon0, lat0, ...], parallel to vertexXY. */
  readonly vertexLonLat: Float64Array;
  /** Per site: rings of vertex ids (not closed), outer CCW, holes CW; [] = the cell misses the area. */
  readonly cellRings: readonly (readonly Int32Array[])[];
  readonly cellAreaKm2: Float64Array;
  /** Per site: sites sharing an edge of positive length, ascending. */
  readonly neighbours: readonly Int32Array[];
  /** Shared edge length in metres, parallel to neighbours. */
  readonly sharedEdgeMetres: readonly Float64Array[];
  /** Directed edge key (from * vertexCount + to) -> site whose ring holds it. */
  readonly edgeSite: EdgeSiteLookup;
  /** Directed edge keys of the outlines of islands of the study area that hold no practice. */
  readonly islandEdges: ReadonlySet<number>;
  /** The study area actually used (boundary, or hull + margin), WGS84. */
  readonly areaGeometry: Boundary;
  readonly areaKm2: number;
}

/**
 * Example: `buildTessellation(practices, boundary).cellAreaKm2[0]` is the area of the first site's cell.
 * Without a boundary the area is the sites' convex hull grown by max(2 km, 5% of its diameter).
 */
export function buildTessellation(practices: readonly Practice[], boundary?: Boundary | null): Tessellation {
  // Without a boundary, practices far from the rest (a typo at 0, 0) neither centre the
  // projection nor stretch the hull: they fall outside the study area and get no cell.
  const far = new Set(boundary ? [] : farPoints(practices).far.map((f) => f.index));
  // Every practice's position, read once into one array (the practice objects are scattered in
  // memory, so each pass over them costs a cache miss per field).
  const lonLat = new Float64Array(practices.length * 2);
  practices.forEach((p, i) => {
    lonLat[i * 2] = p.lon;
    lonLat[i * 2 + 1] = p.lat;
  });
  const projection = extentProjection(lonLat, boundary, far);
  const { sites, siteOfPractice } = mergeSites(lonLat, projection);
  const coords = new Float64Array(sites.length * 2);
  sites.forEach((s, k) => {
    coords[k * 2] = s.x;
    coords[k * 2 + 1] = s.y;
  });
  const area: StudyArea = boundary
    ? boundaryStudyArea(boundary, projection)
    : sitesStudyArea(sites, siteOfPractice, far, projection);

  // A Voronoi diagram of n sites has about 2n corners: tables sized once instead of grown.
  const vertices = new VertexIndex(undefined, sites.length * 2);
  const cellRings: Int32Array[][] = sites.map(() => []);
  if (sites.length > 0 && area.polygons.length > 0) {
    const idx = area.index;
    let minX = idx.minX,
      maxX = idx.maxX,
      minY = idx.minY,
      maxY = idx.maxY;
    for (let k = 0; k < coords.length; k += 2) {
      minX = Math.min(minX, coords[k]);
      maxX = Math.max(maxX, coords[k]);
      minY = Math.min(minY, coords[k + 1]);
      maxY = Math.max(maxY, coords[k + 1]);
    }
    const pad = Math.max(1000, (maxX - minX + maxY - minY) * 0.1);
    const voronoi = new Delaunay(coords).voronoi([minX - pad, minY - pad, maxX + pad, maxY + pad]);
    const interior = new InteriorCells(voronoi, vertices);
    for (let i = 0; i < sites.length; i++) {
      const plain = interior.rings(i, idx);
      if (plain) {
        cellRings[i] = plain;
        continue;
      }
      const cell = voronoi.cellPolygon(i) as XY[] | null;
      if (!cell) continue;
      let pieces: XY[][][];
      if (idx.crossesConvex(cell)) pieces = clipCellToArea(cell, area.polygons, idx);
      else pieces = idx.contains(...interiorPoint(cell)) ? [[cell]] : [];
      cellRings[i] = toIdRings(pieces, vertices);
    }
  }

  const vertexXY = vertices.coordinates();
  const nV = vertices.count;
  const { vertexLonLat, canonical } = outputGrid(vertexXY, projection);
  // The id rings are this function's own: moved onto the written grid in place.
  const pieces = cellRings.map((cell) => {
    for (const r of cell) for (let i = 0; i < r.length; i++) r[i] = canonical[r[i]];
    return normaliseCell(cell, vertexXY, nV);
  });
  const { cellRings: rings, islandEdges } = reattachFragments(pieces, sites, vertexXY, nV);
  const cellAreaKm2 = new Float64Array(sites.length);
  rings.forEach((cell, i) => {
    let a = 0;
    for (const r of cell) a += signedAreaOfIds(r, vertexXY);
    cellAreaKm2[i] = a / 1e6;
  });
  const { edgeSite, neighbours, sharedEdgeMetres } = meshAdjacency(rings, vertexXY, nV);
  return {
    projection,
    sites,
    siteOfPractice,
    vertexXY,
    vertexLonLat,
    cellRings: rings,
    cellAreaKm2,
    neighbours,
    sharedEdgeMetres,
    edgeSite,
    islandEdges,
    areaGeometry: area.geometry,
    areaKm2: area.areaKm2,
  };
}

/** Without a boundary: the hull of the sites (but those of far practices) plus a margin. */
function sitesStudyArea(
  sites: readonly Site[],
  siteOfPractice: Int32Array,
  far: ReadonlySet<number>,
  projection: Projection,
): StudyArea {
  const farSite = new Uint8Array(sites.length);
  for (const i of far) farSite[siteOfPractice[i]] = 1;
  const xs = new Float64Array(sites.length);
  const ys = new Float64Array(xs.length);
  let n = 0;
  sites.forEach((s, k) => {
    if (farSite[k]) return;
    xs[n] = s.x;
    ys[n++] = s.y;
  });
  return n > 0 ? hullStudyAreaXY(xs.subarray(0, n), ys.subarray(0, n), projection) : emptyStudyArea();
}

/**
 * WGS84 positions at the 6 decimals every file is written with, and per vertex id the id of the
 * first vertex at the same rounded position: rings are built on the written grid, so rounding
 * can never make a written ring touch itself or repeat a position.
 */
function outputGrid(xy: Float64Array, projection: Projection): { vertexLonLat: Float64Array; canonical: Int32Array } {
  const nV = xy.length / 2;
  const vertexLonLat = new Float64Array(nV * 2);
  const canonical = new Int32Array(nV);
  // Keyed by the written position in millionths of a degree (integers, so no string keys).
  const seen = new GridBins(nV);
  for (let v = 0; v < nV; v++) {
    const [lon, lat] = projection.inverse(xy[v * 2], xy[v * 2 + 1]);
    const gx = Math.round(lon * 1e6),
      gy = Math.round(lat * 1e6);
    vertexLonLat[v * 2] = gx / 1e6;
    vertexLonLat[v * 2 + 1] = gy / 1e6;
    const first = seen.get(gx, gy);
    if (first < 0) seen.set(gx, gy, v);
    canonical[v] = first < 0 ? v : first;
  }
  return { vertexLonLat, canonical };
}

/**
 * The projection centred on the extent of the practices (but the far ones) and the boundary's
 * outer rings: createProjection's, without an [x, y] pair per point.
 */
function extentProjection(
  lonLat: Float64Array,
  boundary: Boundary | null | undefined,
  far: ReadonlySet<number>,
): Projection {
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  const n = lonLat.length / 2;
  for (let i = 0; i < n; i++) {
    if (far.has(i)) continue;
    const lon = lonLat[i * 2],
      lat = lonLat[i * 2 + 1];
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  if (boundary) {
    for (const poly of polygonsOf(boundary)) {
      for (const [lon, lat] of poly[0] ?? []) {
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return projectionOfExtent(minLon, maxLon, minLat, maxLat);
}

/** Mean of a convex cell's vertices: strictly inside it. */
function interiorPoint(cell: readonly XY[]): [number, number] {
  let x = 0,
    y = 0;
  const n = cell.length - 1;
  for (let i = 0; i < n; i++) {
    x += cell[i][0];
    y += cell[i][1];
  }
  return [x / n, y / n];
}

/** Closed rings in metres -> vertex-id rings, deduplicated, outer CCW and holes CW. */
function toIdRings(pieces: XY[][][], vertices: VertexIndex): Int32Array[] {
  const out: Int32Array[] = [];
  for (const poly of pieces) {
    poly.forEach((ring, k) => {
      const ids: number[] = [];
      for (let i = 0; i < ring.length - 1; i++) {
        const id = vertices.id(ring[i][0], ring[i][1]);
        if (ids.length === 0 || ids[ids.length - 1] !== id) ids.push(id);
      }
      while (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
      if (ids.length < 3) return;
      const arr = Int32Array.from(ids);
      const area = signedAreaOfPoints(ring);
      if (Math.abs(area) < 1e-6) return;
      if ((k === 0) !== area > 0) arr.reverse();
      out.push(arr);
    });
  }
  return out;
}
