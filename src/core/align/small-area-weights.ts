// Population of each tile inside each service area, from small-area populations (residents spread
// evenly over each small area) instead of practice list sizes.
import { intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Projection } from '../geometry';
import { boxOf, boxesOverlap, geometryArea, intersectionArea, projectGeometry, type Box, type PlanarGeometry, type Ring } from './planar';
import type { TileOverlaps } from './tile-overlaps';
import type { SmallArea } from './types';

export interface SmallAreaWeights {
  /** Per tile, per service area (last slot: outside every area): residents. */
  readonly weights: readonly Float64Array[];
  /** Small areas that straddle a tile and a service-area border and could not be clipped exactly (invalid rings). */
  readonly approximated: number;
}

const feature = (g: PlanarGeometry): Feature<MultiPolygon> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'MultiPolygon', coordinates: g.map((p) => p.map((r) => closed(r))) },
});

function closed(r: Ring): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]]);
  out.push([r[0], r[1]]);
  return out;
}

function toPlanar(g: Polygon | MultiPolygon): PlanarGeometry {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.map((rings) => rings.map((r) => Float64Array.from(r.slice(0, -1).flat())));
}

export function smallAreaWeights(
  smallAreas: readonly SmallArea[], projection: Projection, overlaps: TileOverlaps,
  areas: readonly PlanarGeometry[], areaBoxes: readonly Box[],
): SmallAreaWeights {
  const nAreas = areas.length;
  const weights = overlaps.tiles.map(() => new Float64Array(nAreas + 1));
  let approximated = 0;
  for (const sa of smallAreas) {
    if (sa.population <= 0) continue;
    const g = projectGeometry(sa.geometry, projection);
    const box = boxOf(g);
    const area = geometryArea(g);
    if (!(area > 0)) continue;
    const density = sa.population / area;
    overlaps.tiles.forEach((tile, t) => {
      if (tile.length === 0 || !boxesOverlap(box, overlaps.tileBoxes[t])) return;
      const row = overlaps.overlapM2[t];
      const tileArea = overlaps.tileAreaM2[t];
      const home = row.findIndex((a) => a >= tileArea * (1 - 1e-9));
      const inside = intersectionArea(g, box, tile, overlaps.tileBoxes[t]);
      if (inside <= 0) return;
      if (home >= 0) {
        weights[t][home] += density * inside;
        return;
      }
      // The tile straddles service-area borders: clip the small area to the tile, then to each area.
      let piece: PlanarGeometry | null = null;
      try {
        const r = intersect(({ type: 'FeatureCollection', features: [feature(g), feature(tile)] }));
        piece = r ? toPlanar(r.geometry) : [];
      } catch {
        piece = null;
      }
      let placed = 0;
      if (piece) {
        const pieceBox = piece.length ? boxOf(piece) : box;
        areas.forEach((a, k) => {
          const m2 = piece!.length ? intersectionArea(piece!, pieceBox, a, areaBoxes[k]) : 0;
          weights[t][k] += density * m2;
          placed += m2;
        });
      } else {
        approximated++;
        row.forEach((m2, k) => {
          const share = tileArea > 0 ? (inside * m2) / tileArea : 0;
          weights[t][k] += density * share;
          placed += share;
        });
      }
      weights[t][nAreas] += density * Math.max(0, inside - placed);
    });
  }
  return { weights, approximated };
}
