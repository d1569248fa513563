// A practice's catchment on the map: the small areas where its registered patients live, shaded
// by how many live there (darker = more), drawn under the footprint outlines and practices.
import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import type { CatchmentCollection } from '../state/small-areas';
import { showWhileAny } from './layers';

const SOURCE = 'pcn-catchment';
const LAYER = 'pcn-catchment-fill';
const OUTLINE = 'pcn-catchment-line';

export function applyCatchment(map: MapLibreMap, fc: CatchmentCollection): void {
  const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
  if (source) {
    source.setData(fc);
    showWhileAny(map, [LAYER, OUTLINE], fc.features.length);
    return;
  }
  map.addSource(SOURCE, { type: 'geojson', data: fc });
  const before = map.getLayer('pcn-cells-line') ? 'pcn-cells-line' : undefined;
  map.addLayer(
    {
      id: LAYER,
      type: 'fill',
      source: SOURCE,
      paint: {
        'fill-color': '#4a1486',
        'fill-opacity': ['interpolate', ['linear'], ['get', 'share'], 0, 0.08, 1, 0.75],
      },
    },
    before,
  );
  map.addLayer(
    {
      id: OUTLINE,
      type: 'line',
      source: SOURCE,
      paint: { 'line-color': '#4a1486', 'line-width': 0.5, 'line-opacity': 0.5 },
    },
    before,
  );
  showWhileAny(map, [LAYER, OUTLINE], fc.features.length);
}
