// What the map shows for a service-area layer: the original or the aligned areas as one
// FeatureCollection with stable numeric ids, and which networks to highlight as split.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AlignResult, ServiceArea } from './types';

export interface ServiceOverlayProperties {
  readonly service_area: string;
  /** 'original' or 'aligned'. */
  readonly version: string;
  /** Networks homed in the area, ";"-joined ('' for the original layer before analysis). */
  readonly network_ids: string;
}

export interface ServiceOverlay {
  readonly areas: FeatureCollection<Polygon | MultiPolygon, ServiceOverlayProperties>;
  /** Ids of split networks, for highlighting their footprints. */
  readonly splitNetworkIds: readonly string[];
}

/**
 * Example: `serviceOverlay(areas, result, true)` gives the aligned areas (feature id = the area's
 * index in `areas`) and the split networks; with `showAligned` false, or no result yet, the
 * original areas.
 */
export function serviceOverlay(areas: readonly ServiceArea[], result: AlignResult | null, showAligned: boolean): ServiceOverlay {
  const byName = new Map(result?.serviceAreas.map((a) => [a.name, a]) ?? []);
  const features: Feature<Polygon | MultiPolygon, ServiceOverlayProperties>[] = [];
  areas.forEach((area, k) => {
    const aligned = byName.get(area.name);
    const geometry = showAligned && result ? aligned?.geometry : area.geometry;
    if (!geometry) return;
    features.push({
      type: 'Feature',
      id: k,
      properties: { service_area: area.name, version: showAligned && result ? 'aligned' : 'original', network_ids: aligned?.networkIds.join(';') ?? '' },
      geometry,
    });
  });
  return {
    areas: { type: 'FeatureCollection', features },
    splitNetworkIds: result ? result.networks.filter((n) => n.split).map((n) => n.id as string) : [],
  };
}
