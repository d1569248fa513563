// Ring hygiene for GeoJSON output: rounding, closing, dropping repeats, RFC 7946 winding.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedArea2 } from '../geometry/ring-math';

const round = (v: number, scale: number) => Math.round(v * scale) / scale;

/**
 * A new ring: positions rounded to `decimals` (none when undefined), consecutive repeats
 * dropped, closed. Null when fewer than 3 distinct positions remain.
 */
export function cleanRing(ring: readonly Position[], decimals?: number): Position[] | null {
  const scale = decimals === undefined ? 0 : 10 ** decimals;
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = scale ? [round(p[0], scale), round(p[1], scale)] : [p[0], p[1]];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (out.length < 3) return null;
  out.push([out[0][0], out[0][1]]);
  return out;
}

/** Rings in RFC 7946 order: the first (outer) counter-clockwise, the rest (holes) clockwise. */
export function orientRings(rings: readonly Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const ccw = ringSignedArea2(ring) > 0;
    return ccw === (i === 0) ? ring : [...ring].reverse();
  });
}

/**
 * A cleaned, wound copy of a polygon's rings; null when its outer ring collapses.
 * Holes that collapse (e.g. after rounding) are dropped.
 */
export function cleanPolygon(rings: readonly (readonly Position[])[], decimals?: number): Position[][] | null {
  const outer = rings[0] ? cleanRing(rings[0], decimals) : null;
  if (!outer) return null;
  const holes = rings.slice(1).flatMap((r) => {
    const c = cleanRing(r, decimals);
    return c ? [c] : [];
  });
  return orientRings([outer, ...holes]);
}

/**
 * True when cleanPolygon(rings, decimals) would give back rings of the same values: each ring
 * closed, of at least 4 [x, y] positions already at `decimals`, none repeating the one before, the
 * first counter-clockwise and the rest clockwise. Such rings can be written as they are.
 */
export function isCleanPolygon(rings: readonly (readonly Position[])[], decimals: number): boolean {
  if (rings.length === 0) return false;
  const scale = 10 ** decimals;
  return rings.every((r, i) => isCleanRing(r, scale) && ringSignedArea2(r) > 0 === (i === 0));
}

function isCleanRing(ring: readonly Position[], scale: number): boolean {
  const n = ring.length;
  if (n < 4) return false;
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    if (p.length !== 2 || round(p[0], scale) !== p[0] || round(p[1], scale) !== p[1]) return false;
    if (i > 0 && p[0] === ring[i - 1][0] && p[1] === ring[i - 1][1]) return false;
  }
  return ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1];
}

/** Polygon for one part, MultiPolygon for several, null for none. */
export function polygonsToGeometry(polygons: readonly Position[][][]): Polygon | MultiPolygon | null {
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] };
  return { type: 'MultiPolygon', coordinates: [...polygons] };
}
