// The one way to walk a Polygon or MultiPolygon: as a list of polygons, each a list of rings.
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** The polygons of a Polygon or MultiPolygon as a list of ring lists (the input's own arrays, not copies). */
export function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
