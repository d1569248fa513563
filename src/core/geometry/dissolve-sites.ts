// A footprint is the union of its members' cells. Because the cells tile the area and share
// vertex ids, the union's outline is just the member edges whose reverse edge belongs to no
// other member: no polygon union, cost proportional to the members' edges only.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInRingIds, signedAreaOfIds } from './ring-math';
import { round6 } from './study-area';
import type { Tessellation } from './tessellation';

export interface Footprint {
  readonly geometry: Polygon | MultiPolygon | null;
  /** Number of separate polygons; 1 = contiguous, 0 = no footprint in the area. */
  readonly parts: number;
  readonly areaKm2: number;
  readonly perimeterKm: number;
}

/**
 * What a dissolve needs: cells as rings of shared vertex ids. Practice cells (Tessellation) and
 * small areas (SmallAreaMesh) both provide it, so both get footprints from this one builder.
 */
export type CellMesh = Pick<Tessellation, 'vertexXY' | 'vertexLonLat' | 'cellRings' | 'cellAreaKm2' | 'edgeSite'>;

/** Example: `dissolveSites(t, [0, 1, 2]).parts === 1` when the three cells form one piece. */
export function dissolveSites(t: CellMesh, sites: Iterable<number>): Footprint {
  const members = new Set(sites);
  const nV = t.vertexXY.length / 2;
  const xy = t.vertexXY;
  const from: number[] = [];
  const to: number[] = [];
  let areaKm2 = 0;
  let perimeterMetres = 0;
  for (const s of members) {
    areaKm2 += t.cellAreaKm2[s];
    for (const r of t.cellRings[s]) {
      for (let i = 0; i < r.length; i++) {
        const a = r[i], b = r[(i + 1) % r.length];
        const other = t.edgeSite.get(b * nV + a);
        if (other !== undefined && members.has(other)) continue;
        from.push(a);
        to.push(b);
        perimeterMetres += Math.hypot(xy[b * 2] - xy[a * 2], xy[b * 2 + 1] - xy[a * 2 + 1]);
      }
    }
  }
  const rings = chainRings(from, to, xy);
  const outers: Int32Array[] = [];
  const holes: Int32Array[] = [];
  for (const r of rings) (signedAreaOfIds(r, xy) > 0 ? outers : holes).push(r);
  const polygons: Int32Array[][] = outers.map((o) => [o]);
  const outerAreas = outers.map((o) => signedAreaOfIds(o, xy));
  for (const h of holes) {
    const mx = (xy[h[0] * 2] + xy[h[1] * 2]) / 2, my = (xy[h[0] * 2 + 1] + xy[h[1] * 2 + 1]) / 2;
    let best = -1;
    outers.forEach((o, k) => {
      if (pointInRingIds(mx, my, o, xy) && (best < 0 || outerAreas[k] < outerAreas[best])) best = k;
    });
    if (best >= 0) polygons[best].push(h);
  }
  return {
    geometry: toGeometry(polygons, t.vertexLonLat),
    parts: outers.length,
    areaKm2,
    perimeterKm: perimeterMetres / 1000,
  };
}

/**
 * Joins boundary edges into closed rings. Where a vertex has several outgoing edges (cells of one
 * network touching only at a corner), take the sharpest left turn: each ring then keeps its own
 * side, so corner-touching pieces come out as separate parts.
 */
function chainRings(from: number[], to: number[], xy: Float64Array): Int32Array[] {
  const outgoing = new Map<number, number[]>();
  from.forEach((v, e) => {
    const list = outgoing.get(v);
    if (list) list.push(e);
    else outgoing.set(v, [e]);
  });
  const used = new Uint8Array(from.length);
  const rings: Int32Array[] = [];
  for (let start = 0; start < from.length; start++) {
    if (used[start]) continue;
    const ring: number[] = [];
    let e = start;
    while (true) {
      used[e] = 1;
      ring.push(from[e]);
      const v = to[e];
      const candidates = (outgoing.get(v) ?? []).filter((c) => !used[c] || c === start);
      if (candidates.length === 0) break;
      const next = candidates.length === 1 ? candidates[0] : leftmost(e, candidates, from, to, xy);
      if (next === start) break;
      e = next;
    }
    if (ring.length >= 3) rings.push(Int32Array.from(ring));
  }
  return rings;
}

function leftmost(incoming: number, candidates: number[], from: number[], to: number[], xy: Float64Array): number {
  const ax = xy[to[incoming] * 2] - xy[from[incoming] * 2];
  const ay = xy[to[incoming] * 2 + 1] - xy[from[incoming] * 2 + 1];
  let best = candidates[0];
  let bestAngle = -Infinity;
  for (const c of candidates) {
    const bx = xy[to[c] * 2] - xy[from[c] * 2];
    const by = xy[to[c] * 2 + 1] - xy[from[c] * 2 + 1];
    const angle = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
    if (angle > bestAngle) { bestAngle = angle; best = c; }
  }
  return best;
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
  return coords.length === 1 ? { type: 'Polygon', coordinates: coords[0] } : { type: 'MultiPolygon', coordinates: coords };
}

/** Vertex ids -> closed WGS84 ring at 6 decimals, without repeated positions. */
export function lonLatRing(ids: ArrayLike<number>, lonLat: Float64Array): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < ids.length; i++) {
    const p = [round6(lonLat[ids[i] * 2]), round6(lonLat[ids[i] * 2 + 1])];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
  if (ring.length < 3) return [];
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}
