// Map overlays for scenarios: the reference layer (any polygons, dashed purple outlines under the
// plan, labelled with HTML markers as the offline basemap has no glyphs) and the comparison (the
// other scenario's footprints as dotted outlines, moved practices ringed twice: shape and size,
// not colour alone).
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import type { ReferenceLayer } from '../core/io';
import type { ScenarioComparison } from '../state/compare';
import { FootprintLabels } from './labels';
import { showWhileAny } from './layers';

const COMPARE_LAYER = {
  referenceSource: 'pcn-reference',
  otherSource: 'pcn-compare-other',
  movedSource: 'pcn-compare-moved',
  reference: 'pcn-reference-line',
  other: 'pcn-compare-other-line',
  movedOuter: 'pcn-compare-moved-outer',
  movedInner: 'pcn-compare-moved-inner',
} as const;

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
/** The layers start hidden, as their sources start empty (showWhileAny shows them with data). */
const HIDDEN = { visibility: 'none' } as const;
/** The planner's footprint fill: the reference layer goes under it. */
const UNDER = 'pcn-footprints-fill';

function ensureLayers(map: MapLibreMap): void {
  if (map.getSource(COMPARE_LAYER.referenceSource)) return;
  for (const id of [COMPARE_LAYER.referenceSource, COMPARE_LAYER.otherSource, COMPARE_LAYER.movedSource])
    map.addSource(id, { type: 'geojson', data: EMPTY });
  map.addLayer(
    {
      id: COMPARE_LAYER.reference,
      type: 'line',
      source: COMPARE_LAYER.referenceSource,
      layout: HIDDEN,
      paint: { 'line-color': '#5b2c83', 'line-width': 1.8, 'line-dasharray': [4, 2] },
    },
    map.getLayer(UNDER) ? UNDER : undefined,
  );
  map.addLayer({
    id: COMPARE_LAYER.other,
    type: 'line',
    source: COMPARE_LAYER.otherSource,
    layout: HIDDEN,
    paint: { 'line-color': '#111111', 'line-width': 2.2, 'line-dasharray': [0.6, 1.4] },
  });
  map.addLayer({
    id: COMPARE_LAYER.movedOuter,
    type: 'circle',
    source: COMPARE_LAYER.movedSource,
    layout: HIDDEN,
    paint: { 'circle-radius': 15, 'circle-opacity': 0, 'circle-stroke-color': '#111111', 'circle-stroke-width': 3 },
  });
  map.addLayer({
    id: COMPARE_LAYER.movedInner,
    type: 'circle',
    source: COMPARE_LAYER.movedSource,
    layout: HIDDEN,
    paint: { 'circle-radius': 11, 'circle-opacity': 0, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  });
}

export class CompareOverlay {
  private readonly labels: FootprintLabels;
  /** The other scenario's plan last drawn: its outlines are re-sent only when it changes. */
  private shownOther: unknown = null;

  constructor(private readonly map: MapLibreMap) {
    this.labels = new FootprintLabels(map, 'pcn-ref-label');
  }

  /** Call after every style load, then whenever the layer changes. */
  setReference(layer: ReferenceLayer | null): void {
    ensureLayers(this.map);
    const features: Feature[] = (layer?.features ?? []).map((f, i) => ({
      type: 'Feature',
      id: i,
      properties: { label: f.label },
      geometry: f.geometry,
    }));
    (this.map.getSource(COMPARE_LAYER.referenceSource) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features,
    });
    showWhileAny(this.map, [COMPARE_LAYER.reference], features.length);
    this.labels.clear();
    layer?.features.forEach((f, i) => this.labels.set(i, f.geometry, f.label, false, 0));
  }

  /** The other scenario's footprints and the moved practices; null or a failed comparison clears them. */
  setComparison(c: ScenarioComparison | null): void {
    ensureLayers(this.map);
    const otherPlan = c?.ok ? c.value.before.plan : null;
    if (otherPlan !== this.shownOther) {
      const other: Feature[] = [];
      for (const n of otherPlan?.networks.values() ?? []) {
        if (n.geometry) other.push({ type: 'Feature', properties: { id: n.id, name: n.name }, geometry: n.geometry });
      }
      (this.map.getSource(COMPARE_LAYER.otherSource) as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: other,
      });
      showWhileAny(this.map, [COMPARE_LAYER.other], other.length);
      this.shownOther = otherPlan;
    }
    const moved: Feature[] = [];
    if (c?.ok) {
      for (const p of c.value.after.plan.input.practices) {
        if (c.value.moved.has(p.code))
          moved.push({
            type: 'Feature',
            properties: { code: p.code },
            geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
          });
      }
    }
    (this.map.getSource(COMPARE_LAYER.movedSource) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: moved,
    });
    showWhileAny(this.map, [COMPARE_LAYER.movedOuter, COMPARE_LAYER.movedInner], moved.length);
  }

  /** After a style reload the sources are new and empty: draw everything again. */
  reset(): void {
    this.shownOther = null;
  }

  destroy(): void {
    this.labels.clear();
  }
}
