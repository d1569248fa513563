// A footprint is the union of its members' cells. Because the cells tile the area and share
// vertex ids, the union's outline is just the member edges whose reverse edge belongs to no
// other member: no polygon union, cost proportional to the members' edges only.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { buildPolygons } from './build-rings';
import { SiteMarks } from './site-marks';
import { round6 } from './study-area';
import type { Tessellation } from './tessellation';
import { hypot } from './ring-math';

export interface Footprint {
  readonly geometry: Polygon | MultiPolygon | null;
  /** Number of separate polygons in `geometry`; 0 = no footprint in the area. */
  readonly parts: number;
  /**
   * One polygon, not counting parts that are whole islands of the study area holding no practice
   * (no network could reach them over land). False when there is no footprint.
   */
  readonly contiguous: boolean;
  readonly areaKm2: number;
  readonly perimeterKm: number;
}

/**
 * What a dissolve needs: cells as rings of shared vertex ids. Practice cells (Tessellation) and
 * small areas (SmallAreaMesh) both provide it, so both get footprints from this one builder.
 */
export type CellMesh = Pick<Tessellation, 'vertexXY' | 'vertexLonLat' | 'cellRings' | 'cellAreaKm2' | 'edgeSite'> &
  Partial<Pick<Tessellation, 'islandEdges'>>;

const members = new SiteMarks();
// The outline's edges, reused by every call (a footprint's outline is built before the next).
let edgeFrom = new Int32Array(1024);
let edgeTo = new Int32Array(1024);

/** Example: `dissolveSites(t, [0, 1, 2]).parts === 1` when the three cells form one piece. */
export function dissolveSites(t: CellMesh, sites: Iterable<number>): Footprint {
  members.clear(t.cellRings.length);
  const list: number[] = [];
  for (const s of sites) if (members.add(s)) list.push(s);
  const nV = t.vertexXY.length / 2;
  const xy = t.vertexXY;
  let edges = 0;
  let areaKm2 = 0;
  let perimeterMetres = 0;
  for (const s of list) {
    areaKm2 += t.cellAreaKm2[s];
    for (const r of t.cellRings[s]) {
      const n = r.length;
      for (let i = 0; i < n; i++) {
        const a = r[i],
          b = i + 1 < n ? r[i + 1] : r[0];
        const other = t.edgeSite.owner(b, a);
        if (other !== undefined && members.has(other)) continue;
        if (edges === edgeFrom.length) growEdges();
        edgeFrom[edges] = a;
        edgeTo[edges++] = b;
        perimeterMetres += hypot(xy[b * 2] - xy[a * 2], xy[b * 2 + 1] - xy[a * 2 + 1]);
      }
    }
  }
  const polygons = buildPolygons(edgeFrom.subarray(0, edges), edgeTo.subarray(0, edges), xy);
  let islands = 0;
  if (t.islandEdges) for (const [shell] of polygons) if (t.islandEdges.has(shell[0] * nV + shell[1])) islands++;
  return {
    geometry: toGeometry(polygons, t.vertexLonLat),
    parts: polygons.length,
    contiguous: polygons.length - islands === 1,
    areaKm2,
    perimeterKm: perimeterMetres / 1000,
  };
}

function growEdges() {
  const from = new Int32Array(edgeFrom.length * 2);
  const to = new Int32Array(edgeTo.length * 2);
  from.set(edgeFrom);
  to.set(edgeTo);
  edgeFrom = from;
  edgeTo = to;
}

function toGeometry(polygons: Int32Array[][], lonLat: Float64Array): Polygon | MultiPolygon | null {
  const coords: Position[][][] = [];
  for (const rings of polygons) {
    const out: Position[][] = [];
    rings.forEach((r, k) => {
      const ring = lonLatRing(r, lonLat);
      if (ring.length >= 4) out.push(ring);
      else if (k === 0) out.length = 0;
    });
    if (out.length > 0) coords.push(out);
  }
  if (coords.length === 0) return null;
  return coords.length === 1
    ? { type: 'Polygon', coordinates: coords[0] }
    : { type: 'MultiPolygon', coordinates: coords };
}

/** Vertex ids -> closed WGS84 ring at 6 decimals, without repeated positions. */
export function lonLatRing(ids: ArrayLike<number>, lonLat: Float64Array): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < ids.length; i++) {
    const p = [round6(lonLat[ids[i] * 2]), round6(lonLat[ids[i] * 2 + 1])];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1])
    ring.pop();
  if (ring.length < 3) return [];
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}
