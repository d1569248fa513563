// The comparison as files: per-network summary CSV and the changes GeoJSON (moved practices as
// points, per network the area gained and lost). The per-practice CSV is io's toMovesCsv.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { exportGeometry, toCsv } from '../io';
import type { NetworkId, Practice, PracticeCode } from '../model';
import type { PlanComparison } from './types';

const NETWORK_CHANGES_CSV_HEADER = [
  'network_id',
  'network_name',
  'population_before',
  'population_after',
  'practices_before',
  'practices_after',
  'area_km2_before',
  'area_km2_after',
  'area_changed_km2',
  'band_before',
  'band_after',
  'practices_in',
  'practices_out',
] as const;

const km2 = (v: number) => Math.round(v * 1e4) / 1e4;

/** More columns after the standard ones (e.g. population health before and after), per network id. */
export interface ExtraColumns {
  readonly header: readonly string[];
  readonly row: (id: NetworkId) => readonly (string | number)[];
}

/**
 * One row per network id of either plan. Areas in km2 to 4 decimals; band empty where the
 * network is not in that plan; practices_in / practices_out are practice codes joined by ";".
 */
export function toNetworkChangesCsv(c: PlanComparison, extra?: ExtraColumns): string {
  return toCsv(
    [...NETWORK_CHANGES_CSV_HEADER, ...(extra?.header ?? [])],
    c.networks.map((n) => [
      n.id,
      n.name,
      n.populationBefore,
      n.populationAfter,
      n.practicesBefore,
      n.practicesAfter,
      km2(n.areaKm2Before),
      km2(n.areaKm2After),
      km2(n.areaChangedKm2),
      n.bandBefore ?? '',
      n.bandAfter ?? '',
      n.practicesIn.join(';'),
      n.practicesOut.join(';'),
      ...(extra?.row(n.id) ?? []),
    ]),
  );
}

/**
 * Moved practices as Points (`kind` "moved_practice", practice_code, practice_name, population,
 * from_network_id, to_network_id, empty for unassigned), then per network the area it gained and
 * the area it lost as (Multi)Polygons (`kind` "area_gained" / "area_lost", network_id,
 * network_name, area_km2). RFC 7946 rings, 6 decimals.
 */
export function toChangesGeoJSON(
  c: PlanComparison,
  practices: readonly Practice[],
): FeatureCollection<Geometry, Record<string, string | number>> {
  const byCode = new Map<PracticeCode, Practice>(practices.map((p) => [p.code, p]));
  const features: Feature<Geometry, Record<string, string | number>>[] = [];
  for (const m of c.changes) {
    const p = byCode.get(m.practiceCode);
    if (!p) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: {
        kind: 'moved_practice',
        practice_code: m.practiceCode,
        practice_name: m.practiceName,
        population: m.population,
        from_network_id: m.from ?? '',
        to_network_id: m.to ?? '',
      },
    });
  }
  for (const n of c.networks) {
    for (const [kind, g, area] of [
      ['area_gained', n.gained, n.areaGainedKm2],
      ['area_lost', n.lost, n.areaLostKm2],
    ] as const) {
      const geometry = exportGeometry(g);
      if (geometry)
        features.push({
          type: 'Feature',
          geometry,
          properties: { kind, network_id: n.id, network_name: n.name, area_km2: km2(area) },
        });
    }
  }
  return { type: 'FeatureCollection', features };
}
