import type { MultiPolygon, Polygon } from 'geojson';
import { dissolveSites } from './dissolve-sites';
import type { Tessellation } from './tessellation';

/** One site's cell in WGS84 at 6 decimals; null when the cell misses the study area. */
export function cellGeometry(t: Tessellation, site: number): Polygon | MultiPolygon | null {
  return dissolveSites(t, [site]).geometry;
}
