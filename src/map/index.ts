// The map adapter: the one owner of the MapLibre map. It wires three parts to the store: the
// layers and overlays (overlays.ts), the plan's sources kept in step with only what changed
// (plan-sync.ts), and pointer events turned into store actions through the mode table
// (interaction.ts).
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import type { ServiceOverlay } from '../core/align';
import { selectPlan, selectTessellation } from '../state/selectors';
import { FOOTPRINT_SOURCES } from '../state/small-areas';
import type { Planner, PlannerStore } from '../state/store';
import { styleFor } from './basemap';
import { MapInteraction } from './interaction';
import { FootprintLabels } from './labels';
import { PRACTICE_CIRCLES } from './layers';
import { MapOverlays } from './overlays';
import { PlanSync } from './plan-sync';
import { PracticeCircles } from './practice-circles';
import { exportMapPng, type FrameRecording, pixelsAfterNextFrame, recordFramePixels } from './snapshots';

maplibregl.setWorkerUrl(workerUrl);

export interface MapView {
  zoomTo(bounds: [number, number, number, number]): void;
  /** The map with labels, scale bar and legend; `wholeArea` draws the whole study area, then puts the view back. */
  exportPng(title: string, wholeArea?: boolean): Promise<Blob>;
  /** Screen pixel of a WGS84 position, for tests and benchmarks that click on the map. */
  project(lon: number, lat: number): { x: number; y: number };
  /** Resolves once the map has drawn the current plan (every step of a progressive draw included). */
  idle(): Promise<void>;
  /**
   * RGBA bytes of the canvas box from CSS pixel (x, y), w x h CSS pixels, bottom row first, read
   * while the next frame is drawn (the drawing buffer is not kept after that). `repaint` asks for
   * a frame; without it the next frame is the one a change causes. For tests and benchmarks.
   */
  pixelsAfterNextFrame(x: number, y: number, w: number, h: number, repaint: boolean): Promise<Uint8Array>;
  /**
   * Records the box of every frame from now on, read without blocking the main thread while the
   * frames are drawn (when each was issued and drawn, and its pixels once stopped). For benchmarks.
   */
  recordFramePixels(x: number, y: number, w: number, h: number): FrameRecording;
  /** Ids of the networks whose footprint fill is drawn in the current view (for tests). */
  renderedNetworks(): string[];
  /** Outlines of a proposal (auto-cluster) over the plan; null clears them. */
  setPreview(outlines: FeatureCollection | null): void;
  /** Number of proposal outlines drawn in the current view (for tests). */
  renderedPreview(): number;
  /** Community-service areas from the Align panel (null clears them); kept across basemap changes. */
  setServiceOverlay(overlay: ServiceOverlay | null): void;
  destroy(): void;
}

type Bounds = [number, number, number, number];

export function createMapView(container: HTMLElement, store: PlannerStore): MapView {
  const get = () => store.getState();
  const map = new maplibregl.Map({
    container,
    style: styleFor(get().basemap),
    center: [-1.5, 53],
    zoom: 6,
    attributionControl: { compact: true },
    // No cross-fade of re-tiled data after an edit: every faded frame is a full redraw, which
    // software WebGL pays for on the main thread.
    fadeDuration: 0,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  const labels = new FootprintLabels(map);
  const circles = new PracticeCircles(PRACTICE_CIRCLES, map);
  const overlays = new MapOverlays(map, get, circles);
  const plan = new PlanSync(map, get, labels, circles);
  const interaction = new MapInteraction(map, get);

  function onStore(s: Planner, prev: Planner) {
    if (s.basemap !== prev.basemap) {
      overlays.ready = false;
      map.setStyle(styleFor(s.basemap));
      return;
    }
    if (!overlays.ready) return;
    if (s.doc.practices !== prev.doc.practices || s.doc.boundary !== prev.doc.boundary) plan.full(true);
    else if (
      s.footprintSource !== prev.footprintSource ||
      (s.smallAreas !== prev.smallAreas && s.footprintSource === FOOTPRINT_SOURCES.smallAreas)
    )
      // Opening small-area files while footprints come from cells changes nothing drawn here.
      plan.full(false);
    else if (s.doc !== prev.doc) plan.incremental();
    overlays.onStore(s, prev);
    if (s.hoveredPractice !== prev.hoveredPractice) plan.hover(s.hoveredPractice);
    if (s.selectedPractice !== prev.selectedPractice) plan.select(s.selectedPractice);
    if (s.mode !== prev.mode) interaction.changeMode(prev.mode, s.mode);
  }
  const unsubscribe = store.subscribe(onStore);

  map.on('style.load', () => {
    overlays.onStyleLoad();
    plan.full(!plan.hasShown);
    interaction.enter();
  });
  map.on('error', (e) => {
    const online = get().basemap.kind !== 'offline';
    const message = e.error?.message ?? 'unknown error';
    if (online && (!overlays.ready || /tile|style|fetch|network|load/i.test(message)))
      get().reportBasemapFailure(message);
  });

  return {
    zoomTo(bounds: Bounds) {
      map.fitBounds(bounds, { padding: 60, maxZoom: 14, duration: 300 });
    },
    exportPng(title, wholeArea = false) {
      const s = get();
      return exportMapPng(map, labels, {
        title,
        wholeArea: wholeArea ? (s.doc.boundary ?? selectTessellation(s).areaGeometry) : null,
        networks: s.doc.networks,
        plan: () => selectPlan(get()),
      });
    },
    project(lon, lat) {
      const p = map.project([lon, lat]);
      return { x: p.x, y: p.y };
    },
    pixelsAfterNextFrame: (x, y, w, h, repaint) => pixelsAfterNextFrame(map, { x, y, w, h }, repaint),
    recordFramePixels: (x, y, w, h) => recordFramePixels(map, { x, y, w, h }),
    async idle() {
      await plan.settled();
      return new Promise((resolve) => {
        if (map.loaded() && overlays.ready) resolve();
        else map.once('idle', () => resolve());
      });
    },
    renderedNetworks: () => (overlays.ready ? plan.renderedNetworks() : []),
    setPreview: (outlines) => overlays.setPreview(outlines),
    renderedPreview: () => overlays.renderedPreview(),
    setServiceOverlay: (overlay) => overlays.setServiceOverlay(overlay),
    destroy() {
      unsubscribe();
      interaction.destroy();
      plan.destroy();
      labels.clear();
      overlays.destroy();
      map.remove();
    },
  };
}
