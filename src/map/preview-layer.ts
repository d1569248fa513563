// Outlines of an auto-cluster proposal drawn over the plan before it is accepted: a white halo
// under a dark dashed line, so they read on any footprint colour.
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { showWhileAny } from './layers';

const PREVIEW_SOURCE = 'pcn-preview';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Shows the proposal's footprints as outlines (adding the layers on first use), or clears them for null. */
export function applyPreview(map: MapLibreMap, outlines: FeatureCollection | null): void {
  if (!map.getSource(PREVIEW_SOURCE)) {
    map.addSource(PREVIEW_SOURCE, { type: 'geojson', data: EMPTY });
    const before = map.getLayer('pcn-practices') ? 'pcn-practices' : undefined;
    map.addLayer(
      {
        id: 'pcn-preview-halo',
        type: 'line',
        source: PREVIEW_SOURCE,
        paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.9 },
      },
      before,
    );
    map.addLayer(
      {
        id: 'pcn-preview-line',
        type: 'line',
        source: PREVIEW_SOURCE,
        paint: { 'line-color': '#111111', 'line-width': 2.5, 'line-dasharray': [3, 2] },
      },
      before,
    );
  }
  (map.getSource(PREVIEW_SOURCE) as GeoJSONSource).setData(outlines ?? EMPTY);
  showWhileAny(map, ['pcn-preview-halo', 'pcn-preview-line'], outlines?.features.length ?? 0);
}
