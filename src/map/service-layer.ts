// Map overlay for community-service areas (the Align panel): the areas (original or aligned) as
// a translucent fill with dashed outlines, and the split networks' footprints outlined on top.
// No text labels: the offline basemap has no glyphs (area names are in the panel's tables).
// Kept apart from the rest of the map adapter; it only needs the map and the overlay data.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { ServiceOverlay } from '../core/align';
import { showWhileAny } from './layers';

const SERVICE_LAYER = {
  areasSource: 'service-areas',
  splitSource: 'service-split-networks',
  fill: 'service-areas-fill',
  line: 'service-areas-line',
  split: 'service-split-networks-line',
} as const;

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

function ensureLayers(map: MapLibreMap): void {
  if (map.getSource(SERVICE_LAYER.areasSource)) return;
  map.addSource(SERVICE_LAYER.areasSource, { type: 'geojson', data: EMPTY });
  map.addSource(SERVICE_LAYER.splitSource, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: SERVICE_LAYER.fill,
    type: 'fill',
    source: SERVICE_LAYER.areasSource,
    paint: {
      'fill-color': ['case', ['==', ['get', 'version'], 'aligned'], '#2a9d8f', '#6c757d'],
      'fill-opacity': 0.08,
    },
  });
  map.addLayer({
    id: SERVICE_LAYER.line,
    type: 'line',
    source: SERVICE_LAYER.areasSource,
    paint: {
      'line-color': ['case', ['==', ['get', 'version'], 'aligned'], '#1d6f65', '#343a40'],
      'line-width': 2.5,
      'line-dasharray': [3, 2],
    },
  });
  map.addLayer({
    id: SERVICE_LAYER.split,
    type: 'line',
    source: SERVICE_LAYER.splitSource,
    paint: { 'line-color': '#d00000', 'line-width': 3 },
  });
}

/**
 * Shows `overlay` on the map (adding the sources and layers on first use), or clears it for null.
 * Call after the style has loaded, e.g. from a store subscription of the map adapter.
 */
export function applyServiceOverlay(map: MapLibreMap, overlay: ServiceOverlay | null): void {
  ensureLayers(map);
  (map.getSource(SERVICE_LAYER.areasSource) as GeoJSONSource).setData(overlay?.areas ?? EMPTY);
  (map.getSource(SERVICE_LAYER.splitSource) as GeoJSONSource).setData(overlay?.splitFootprints ?? EMPTY);
  showWhileAny(map, [SERVICE_LAYER.fill, SERVICE_LAYER.line], overlay?.areas.features.length ?? 0);
  showWhileAny(map, [SERVICE_LAYER.split], overlay?.splitFootprints.features.length ?? 0);
}
