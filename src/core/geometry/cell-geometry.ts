import type { MultiPolygon, Polygon } from 'geojson';
import { dissolveSites, lonLatRing } from './dissolve-sites';
import { packPolygons, unpackPolygon, type PackedPolygons } from './packed-polygons';
import { signedAreaOfIds } from './ring-math';
import type { Tessellation } from './tessellation';

/** Cell geometries built elsewhere (the import worker) for a tessellation, by site. */
const built = new WeakMap<Tessellation, PackedPolygons>();

/** One site's cell in WGS84 at 6 decimals; null when the cell misses the study area. */
export function cellGeometry(t: Tessellation, site: number): Polygon | MultiPolygon | null {
  const packed = built.get(t);
  return packed ? unpackPolygon(packed, site) : buildCellGeometry(t, site);
}

/**
 * A cell of one shell ring (nearly all: tessellation rings never repeat a vertex) is that ring, as
 * dissolveSites would chain it; others (pieces, holes) go through dissolveSites.
 */
function buildCellGeometry(t: Tessellation, site: number): Polygon | MultiPolygon | null {
  const rings = t.cellRings[site];
  if (rings.length === 1 && signedAreaOfIds(rings[0], t.vertexXY) > 0) {
    const ring = lonLatRing(rings[0], t.vertexLonLat);
    return ring.length >= 4 ? { type: 'Polygon', coordinates: [ring] } : null;
  }
  return dissolveSites(t, [site]).geometry;
}

/** Every site's cell, packed: to build them where time is cheap and hand them over with `adoptCellGeometries`. */
export const packCellGeometries = (t: Tessellation): PackedPolygons =>
  packPolygons(t.sites.map((_, site) => buildCellGeometry(t, site)));

/** From now on cellGeometry(t, site) reads `packed` (from packCellGeometries of an equal tessellation). */
export function adoptCellGeometries(t: Tessellation, packed: PackedPolygons): void {
  built.set(t, packed);
}
