// The overlap report CSV (issue 5 schema): one row per network and service area it overlaps.
import { toCsv } from '../io/csv-write';
import type { AlignResult } from './types';

const OVERLAP_CSV_HEADER = [
  'network_id',
  'network_name',
  'service_area',
  'overlap_area_km2',
  'area_share',
  'population_share',
  'home_service_area',
  'split',
] as const;

const fixed = (v: number, d: number) => Number(v.toFixed(d));

/**
 * Rows in network order, within a network the largest population share first. Only pairs that
 * overlap are listed (a network's rows sum to 1), including an "(outside all service areas)" row
 * for any part outside every area. split is "yes" or "no".
 */
export function toOverlapCsv(result: AlignResult): string {
  const rows = result.networks.flatMap((n) =>
    n.overlaps.map((o) => [
      n.id,
      n.name,
      o.serviceArea,
      fixed(o.overlapAreaKm2, 4),
      fixed(o.areaShare, 6),
      fixed(o.populationShare, 6),
      n.home,
      n.split ? 'yes' : 'no',
    ]),
  );
  return toCsv(OVERLAP_CSV_HEADER, rows);
}
