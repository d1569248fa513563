// Small areas shaded by IMD decile (decile 1, most deprived, darkest), drawn under the footprints
// so network colours and outlines stay readable on top.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { IMD_DECILE_COLOURS, type DecileCollection } from '../state/deprivation';
import { showWhileAny } from './layers';

const SOURCE = 'pcn-imd';
const LAYER = 'pcn-imd-fill';

export function applyDecileAreas(map: MapLibreMap, fc: DecileCollection): void {
  const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
  if (source) {
    source.setData(fc);
    showWhileAny(map, [LAYER], fc.features.length);
    return;
  }
  if (fc.features.length === 0) return;
  map.addSource(SOURCE, { type: 'geojson', data: fc });
  const before = map.getLayer('pcn-footprints-fill') ? 'pcn-footprints-fill' : undefined;
  const colour = ['match', ['get', 'decile'], ...IMD_DECILE_COLOURS.flatMap((c, d) => [d + 1, c]), '#cccccc'];
  map.addLayer(
    { id: LAYER, type: 'fill', source: SOURCE, paint: { 'fill-color': colour as never, 'fill-opacity': 0.6 } },
    before,
  );
}
