// Invariants every alignment must meet, checked geometrically on the output (not on internals).
import { area as turfArea, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { expect } from 'vitest';
import { toAlignedGeoJSON, type AlignResult } from '../../../src/core/align';
import { featureCollectionValidityErrors } from '../geometry/validity';

const feature = (g: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({
  type: 'Feature',
  properties: {},
  geometry: g,
});
export const km2Of = (g: Polygon | MultiPolygon) => turfArea(feature(g)) / 1e6;
function overlapKm2(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const r = intersect({ type: 'FeatureCollection', features: [feature(a), feature(b)] });
  return r ? turfArea(r) / 1e6 : 0;
}

export function expectSharesSumToOne(r: AlignResult): void {
  for (const n of r.networks) {
    const pop = n.overlaps.reduce((s, o) => s + o.populationShare, 0);
    const area = n.overlaps.reduce((s, o) => s + o.areaShare, 0);
    expect(Math.abs(pop - 1), `${n.id} population shares`).toBeLessThan(1e-6);
    expect(Math.abs(area - 1), `${n.id} area shares`).toBeLessThan(1e-6);
  }
}

/** Aligned areas tile the study area: areas add up within 0.1%, and no two overlap (< 0.01% of the smaller). */
export function expectAlignedTiling(r: AlignResult, studyAreaKm2: number): void {
  // The written aligned areas are valid polygons for a GIS (jsts, OGC rules and RFC 7946).
  expect(featureCollectionValidityErrors(toAlignedGeoJSON(r))).toEqual([]);
  const parts = r.serviceAreas.filter((a) => a.geometry);
  const total = parts.reduce((s, a) => s + a.areaAfterKm2, 0);
  expect(Math.abs(total - studyAreaKm2) / studyAreaKm2).toBeLessThan(1e-3);
  const geodesic = parts.reduce((s, a) => s + km2Of(a.geometry!), 0);
  expect(Math.abs(geodesic - studyAreaKm2) / studyAreaKm2).toBeLessThan(1e-3);
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++) {
      const o = overlapKm2(parts[i].geometry!, parts[j].geometry!);
      expect(o, `${parts[i].name} x ${parts[j].name}`).toBeLessThan(
        1e-4 * Math.min(parts[i].areaAfterKm2, parts[j].areaAfterKm2),
      );
    }
}

/** Every network's footprint lies in its home's aligned area and in no other. */
export function expectEachNetworkInOneArea(
  r: AlignResult,
  footprints: ReadonlyMap<string, Polygon | MultiPolygon | null>,
): void {
  for (const n of r.networks) {
    const g = footprints.get(n.id);
    if (!g) continue;
    const own = km2Of(g);
    const holders = r.serviceAreas.filter((a) => a.geometry && overlapKm2(g, a.geometry) > 1e-3 * own);
    expect(
      holders.map((a) => a.name),
      n.id,
    ).toEqual([n.home]);
    expect(overlapKm2(g, holders[0].geometry!)).toBeGreaterThan(own * 0.999);
    expect(r.serviceAreas.filter((a) => a.networkIds.includes(n.id)).map((a) => a.name)).toEqual([n.home]);
  }
}
