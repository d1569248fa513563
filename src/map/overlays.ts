// The layer part of the map adapter: the planner's layers added on top of each basemap style, and
// the overlays beside the plan (comparison and reference layer, catchment, deprivation deciles,
// proposal preview, community-service areas), each redrawn when its own inputs change and all of
// them again after a basemap change.
import type { FeatureCollection } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import type { ServiceOverlay } from '../core/align';
import { selectComparison } from '../state/compare';
import { selectDecileAreas } from '../state/deprivation';
import { selectCatchment } from '../state/small-areas';
import type { Planner } from '../state/store';
import { drawsLand } from './basemap';
import { applyCatchment } from './catchment-layer';
import { CompareOverlay } from './compare-layer';
import { applyDecileAreas } from './deprivation-layer';
import { addPlannerLayers } from './layers';
import { applyPreview } from './preview-layer';
import { applyServiceOverlay } from './service-layer';

export class MapOverlays {
  private readonly compare: CompareOverlay;
  private serviceOverlay: ServiceOverlay | null = null;
  private preview: FeatureCollection | null = null;
  /** False from a basemap change until the new style has loaded and the layers are back. */
  ready = false;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly get: () => Planner,
    private readonly circles: maplibregl.CustomLayerInterface,
  ) {
    this.compare = new CompareOverlay(map);
  }

  /** A new style has loaded: the planner's layers and every overlay, drawn again. */
  onStyleLoad(): void {
    const s = this.get();
    addPlannerLayers(this.map, drawsLand(s.basemap), this.circles);
    this.ready = true;
    if (this.serviceOverlay) applyServiceOverlay(this.map, this.serviceOverlay);
    this.compare.reset();
    this.compare.setReference(s.reference);
    this.compare.setComparison(selectComparison(s));
    if (this.preview) applyPreview(this.map, this.preview);
    this.syncCatchment();
    applyDecileAreas(this.map, selectDecileAreas(s));
  }

  /** The overlays whose inputs changed between two store states (layers ready). */
  onStore(s: Planner, prev: Planner): void {
    if (s.reference !== prev.reference) this.compare.setReference(s.reference);
    if (
      s.compareWith !== prev.compareWith ||
      (s.compareWith !== null && (s.doc !== prev.doc || s.scenarios !== prev.scenarios))
    )
      this.compare.setComparison(selectComparison(s));
    if (
      s.hoveredPractice !== prev.hoveredPractice ||
      s.selectedPractice !== prev.selectedPractice ||
      s.smallAreas !== prev.smallAreas ||
      s.doc.practices !== prev.doc.practices
    )
      this.syncCatchment();
    if (
      s.showDeprivationLayer !== prev.showDeprivationLayer ||
      s.smallAreas !== prev.smallAreas ||
      s.deprivation !== prev.deprivation
    )
      applyDecileAreas(this.map, selectDecileAreas(s));
  }

  private syncCatchment(): void {
    const s = this.get();
    if (!s.smallAreas && !this.map.getSource('pcn-catchment')) return;
    const code = s.hoveredPractice ?? s.selectedPractice;
    applyCatchment(
      this.map,
      s.smallAreas
        ? selectCatchment(s, s.doc.practices, s.smallAreas, code)
        : { type: 'FeatureCollection', features: [] },
    );
  }

  setPreview(outlines: FeatureCollection | null): void {
    this.preview = outlines;
    if (this.ready) applyPreview(this.map, outlines);
  }

  /** Number of proposal outlines drawn in the current view (for tests). */
  renderedPreview(): number {
    if (!this.ready || !this.map.getLayer('pcn-preview-line')) return 0;
    return new Set(
      this.map.queryRenderedFeatures({ layers: ['pcn-preview-line'] }).map((f) => String(f.properties.network)),
    ).size;
  }

  setServiceOverlay(overlay: ServiceOverlay | null): void {
    this.serviceOverlay = overlay;
    if (this.ready) applyServiceOverlay(this.map, overlay);
  }

  destroy(): void {
    this.compare.destroy();
  }
}
