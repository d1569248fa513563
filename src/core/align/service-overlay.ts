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
  /** The split networks' footprints (when footprints were given), to outline over the areas. */
  readonly splitFootprints: FeatureCollection<Polygon | MultiPolygon, { readonly network_id: string }>;
}

/**
 * Example: `serviceOverlay(areas, result, true)` gives the aligned areas (feature id = the area's
 * index in `areas`) and the split networks; with `showAligned` false, or no result yet, the
 * original areas.
 */
export function serviceOverlay(
  areas: readonly ServiceArea[],
  result: AlignResult | null,
  showAligned: boolean,
  footprints?: ReadonlyMap<string, { readonly geometry: Polygon | MultiPolygon | null }>,
): ServiceOverlay {
  const byName = new Map(result?.serviceAreas.map((a) => [a.name, a]) ?? []);
  const features: Feature<Polygon | MultiPolygon, ServiceOverlayProperties>[] = [];
  areas.forEach((area, k) => {
    const aligned = byName.get(area.name);
    const geometry = showAligned && result ? aligned?.geometry : area.geometry;
    if (!geometry) return;
    features.push({
      type: 'Feature',
      id: k,
      properties: {
        service_area: area.name,
        version: showAligned && result ? 'aligned' : 'original',
        network_ids: aligned?.networkIds.join(';') ?? '',
      },
      geometry,
    });
  });
  const splitNetworkIds = result ? result.networks.filter((n) => n.split).map((n) => n.id as string) : [];
  const split: Feature<Polygon | MultiPolygon, { readonly network_id: string }>[] = [];
  splitNetworkIds.forEach((id, k) => {
    const geometry = footprints?.get(id)?.geometry;
    if (geometry) split.push({ type: 'Feature', id: k, properties: { network_id: id }, geometry });
  });
  return {
    areas: { type: 'FeatureCollection', features },
    splitNetworkIds,
    splitFootprints: { type: 'FeatureCollection', features: split },
  };
}
