// Networks GeoJSON (issue 2 §4): one Feature per network, RFC 7946 geometry, 6 decimals.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Band } from '../model';
import { ascending, bandStatus } from '../model';
import {
  COORDINATE_DECIMALS,
  MEASURE_DECIMALS,
  type NetworkProperties,
  type NetworkSummaryInput,
} from './networks-schema';
import { polygonsOf } from '../geometry/polygons';
import { cleanPolygon, isCleanPolygon, polygonsToGeometry } from './rings';

const roundTo = (v: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round(v * scale) / scale;
};

/**
 * The footprint with coordinates rounded to 6 decimals, rings closed without repeated points,
 * outer rings counter-clockwise and holes clockwise; parts that collapse when rounded are
 * dropped, and a single part is written as a Polygon.
 */
export function exportGeometry(g: Polygon | MultiPolygon | null): Polygon | MultiPolygon | null {
  if (!g) return null;
  const polygons = polygonsOf(g);
  // Footprints are built clean (dissolveSites): their rings are written as they are, not copied.
  if (polygons.every((p) => isCleanPolygon(p, COORDINATE_DECIMALS))) return polygonsToGeometry(polygons);
  return polygonsToGeometry(
    polygons.flatMap((p) => {
      const c = cleanPolygon(p, COORDINATE_DECIMALS);
      return c ? [c] : [];
    }),
  );
}

/** The small-area properties, only for networks that have them (footprints from small areas). */
function smallAreaProperties(s: NetworkSummaryInput): Partial<NetworkProperties> {
  if (s.smallAreaCount === undefined) return {};
  if (s.residentPatients === undefined || s.residentPatients === null) return { small_area_count: s.smallAreaCount };
  return {
    small_area_count: s.smallAreaCount,
    resident_patients: Math.round(s.residentPatients),
    resident_share:
      s.residentShare === null || s.residentShare === undefined ? null : roundTo(s.residentShare, MEASURE_DECIMALS),
  };
}

export type NetworkFeature = Feature<Polygon | MultiPolygon | null, NetworkProperties> & { id: string };

/**
 * Example: `toNetworksGeoJSON(plan.networks.values(), { min: 30000, max: 50000 })` ->
 * `{ type: 'FeatureCollection', features: [{ id: 'N1', properties: { network_id: 'N1', …, band: 'within' } }] }`.
 * `band` is recomputed from population and the given bounds so the three band fields always agree.
 * Never mutates its inputs.
 */
export function toNetworksGeoJSON(
  summaries: Iterable<NetworkSummaryInput>,
  band: Band,
): FeatureCollection<Polygon | MultiPolygon | null, NetworkProperties> {
  const features: NetworkFeature[] = [];
  for (const s of summaries) {
    const population = Math.round(s.population);
    features.push({
      type: 'Feature',
      id: s.id,
      properties: {
        network_id: s.id,
        network_name: s.name,
        population,
        practice_count: Math.round(s.practiceCount),
        practice_codes: ascending(s.practiceCodes).join(';'),
        area_km2: roundTo(s.areaKm2, MEASURE_DECIMALS),
        parts: Math.round(s.parts),
        contiguous: s.contiguous,
        polsby_popper: roundTo(s.polsbyPopper, MEASURE_DECIMALS),
        band: bandStatus(population, band),
        band_min: band.min,
        band_max: band.max,
        ...smallAreaProperties(s),
      },
      geometry: exportGeometry(s.geometry),
    });
  }
  return { type: 'FeatureCollection', features };
}
