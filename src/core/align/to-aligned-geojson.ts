// The aligned service areas GeoJSON (issue 5 schema): one feature per service area.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AlignResult } from './types';

export interface AlignedAreaProperties {
  readonly service_area: string;
  /** Networks homed in the area, sorted, joined by ";". */
  readonly network_ids: string;
  /** Population after alignment (list sizes of its networks), whole patients. */
  readonly population: number;
  /** Area after alignment, km2, 4 decimals. */
  readonly area_km2: number;
  /** The original service area's area inside the study area, km2. */
  readonly original_area_km2: number;
  /** Area gained plus area lost, km2. */
  readonly area_changed_km2: number;
  /** Population gained plus population lost, whole patients. */
  readonly population_changed: number;
}

const km2 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Example: `toAlignedGeoJSON(result).features[0].properties.service_area === 'Central'`. Null geometry for an area no network calls home. */
export function toAlignedGeoJSON(
  result: AlignResult,
): FeatureCollection<Polygon | MultiPolygon | null, AlignedAreaProperties> {
  const features: Feature<Polygon | MultiPolygon | null, AlignedAreaProperties>[] = result.serviceAreas.map((a) => ({
    type: 'Feature',
    properties: {
      service_area: a.name,
      network_ids: a.networkIds.join(';'),
      population: Math.round(a.populationAfter),
      area_km2: km2(a.areaAfterKm2),
      original_area_km2: km2(a.areaBeforeKm2),
      area_changed_km2: km2(a.areaChangedKm2),
      population_changed: Math.round(a.populationChanged),
    },
    geometry: a.geometry,
  }));
  return { type: 'FeatureCollection', features };
}
