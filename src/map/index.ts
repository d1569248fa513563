// The map adapter: the one owner of the MapLibre map. It subscribes to the store, pushes only
// what changed (updateData with stable feature ids for footprints, feature-state for practice
// colours, hover and selection), and
// turns pointer events into store actions through the mode table.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { ServiceOverlay } from '../core/align';
import type { NetworkId, PracticeCode } from '../core/model';
import type { PlanResult } from '../core/plan';
import { selectPlan, selectTessellation } from '../state/selectors';
import type { Planner, PlannerStore } from '../state/store';
import type { NetworkDef } from '../state/types';
import { drawsLand, styleFor } from './basemap';
import { composeMapPng } from './export-png';
import {
  cellFeatures,
  defsById,
  footprintFeature,
  footprintLabel,
  practiceFeature,
  practicesToRefresh,
} from './features';
import { FootprintLabels } from './labels';
import { addPlannerLayers, CELL_LAYER, PRACTICE_LAYER, SOURCES } from './layers';
import { MODE_HANDLERS, type MapPort } from './modes';
import { applyPreview } from './preview-layer';
import { applyServiceOverlay } from './service-layer';
import { CompareOverlay } from './compare-layer';
import { selectComparison } from '../state/compare';
import { applyCatchment } from './catchment-layer';
import { FOOTPRINT_SOURCES, selectCatchment } from '../state/small-areas';
import { selectDecileAreas } from '../state/deprivation';
import { applyDecileAreas } from './deprivation-layer';
import { ShapeTool } from './shape-tool';

maplibregl.setWorkerUrl(workerUrl);

export interface MapView {
  zoomTo(bounds: [number, number, number, number]): void;
  /** The map with labels, scale bar and legend; `wholeArea` draws the whole study area, then puts the view back. */
  exportPng(title: string, wholeArea?: boolean): Promise<Blob>;
  /** Screen pixel of a WGS84 position, for tests and benchmarks that click on the map. */
  project(lon: number, lat: number): { x: number; y: number };
  /** Resolves once the map has drawn the current plan. */
  idle(): Promise<void>;
  /**
   * RGBA bytes of the canvas box from CSS pixel (x, y), w x h CSS pixels, bottom row first, read
   * while the next frame is drawn (the drawing buffer is not kept after that). `repaint` asks for
   * a frame; without it the next frame is the one a change causes. For tests and benchmarks.
   */
  pixelsAfterNextFrame(x: number, y: number, w: number, h: number, repaint: boolean): Promise<Uint8Array>;
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
  const compare = new CompareOverlay(map);
  let shown: PlanResult | null = null;
  let shownDefs: readonly NetworkDef[] = [];
  let layersReady = false;
  let dragging = false;
  let hovered: number | null = null;
  let selected: number | null = null;
  let serviceOverlay: ServiceOverlay | null = null;
  let preview: FeatureCollection | null = null;

  const geo = (id: string) => map.getSource(id) as maplibregl.GeoJSONSource | undefined;
  const practiceIndex = () => new Map(get().doc.practices.map((p, i) => [p.code, i]));

  const port: MapPort = {
    practicesAt({ x, y }) {
      const hits = map.queryRenderedFeatures(
        [
          [x - 4, y - 4],
          [x + 4, y + 4],
        ],
        { layers: [PRACTICE_LAYER] },
      );
      if (hits.length > 0) return [hits[0].properties.code as PracticeCode];
      const cell = map.queryRenderedFeatures([x, y], { layers: [CELL_LAYER] })[0];
      if (!cell) return [];
      const t = selectTessellation(get());
      const site = t.sites[Number(cell.properties.site)];
      return site ? site.practices.map((i) => get().doc.practices[i].code) : [];
    },
    setDragPan(enabled) {
      if (enabled) map.dragPan.enable();
      else map.dragPan.disable();
    },
    setDrawing(kind) {
      shapes.setKind(kind);
    },
  };
  const shapes = new ShapeTool(map, (polygon) => {
    const codes = get()
      .doc.practices.filter((p) => booleanPointInPolygon([p.lon, p.lat], polygon))
      .map((p) => p.code);
    MODE_HANDLERS[get().mode].onShape?.(codes, get);
  });

  function fullSync(fit: boolean) {
    const s = get();
    const plan = selectPlan(s);
    const t = plan.tessellation;
    const defs = defsById(s.doc.networks);
    geo(SOURCES.area)?.setData({ type: 'Feature', properties: {}, geometry: t.areaGeometry });
    geo(SOURCES.cells)?.setData({ type: 'FeatureCollection', features: cellFeatures(t) });
    map.removeFeatureState({ source: SOURCES.practices });
    geo(SOURCES.practices)?.setData({
      type: 'FeatureCollection',
      features: s.doc.practices.map((p, i) =>
        practiceFeature(i, p, defs.get(s.doc.assignment.get(p.code) as NetworkId)),
      ),
    });
    const fps: Feature[] = [];
    labels.clear();
    for (const def of s.doc.networks) {
      const summary = plan.networks.get(def.id);
      if (!summary) continue;
      const f = footprintFeature(def, summary);
      if (f) fps.push(f);
      labels.set(def.fid, summary.geometry, footprintLabel(def, summary), summary.band !== 'within', summary.areaKm2);
    }
    geo(SOURCES.footprints)?.setData({ type: 'FeatureCollection', features: fps } as FeatureCollection);
    shown = plan;
    shownDefs = s.doc.networks;
    hovered = selected = null;
    if (fit && s.doc.practices.length + (s.doc.boundary ? 1 : 0) > 0) {
      const b = turfBbox(s.doc.boundary ?? t.areaGeometry) as number[];
      if (b.every(Number.isFinite)) map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 30, duration: 0 });
    }
  }

  function incrementalSync() {
    const s = get();
    const plan = selectPlan(s);
    if (!shown || plan === shown) return;
    const prev = shown;
    const defs = defsById(s.doc.networks);
    const prevDefs = defsById(shownDefs);
    const restyled = new Set<NetworkId>();
    if (s.doc.networks !== shownDefs) {
      for (const d of s.doc.networks) {
        const old = prevDefs.get(d.id);
        if (!old || old.colour !== d.colour || old.name !== d.name) restyled.add(d.id);
      }
    }
    const refresh = new Set<NetworkId>([...plan.changed, ...restyled]);
    const removeFids: number[] = [];
    const add: Feature[] = [];
    for (const old of shownDefs) {
      if (!defs.has(old.id) || refresh.has(old.id)) {
        removeFids.push(old.fid);
        labels.remove(old.fid);
      }
    }
    for (const id of refresh) {
      const def = defs.get(id);
      const summary = plan.networks.get(id);
      if (!def || !summary) continue;
      const f = footprintFeature(def, summary);
      if (f) add.push(f);
      labels.set(def.fid, summary.geometry, footprintLabel(def, summary), summary.band !== 'within', summary.areaKm2);
    }
    if (removeFids.length + add.length > 0) void geo(SOURCES.footprints)?.updateData({ remove: removeFids, add });
    // A practice's new colour goes in as feature-state: drawn at the next frame, without the
    // practices source being re-tiled in MapLibre's worker.
    for (const i of practicesToRefresh(prev, plan, restyled)) {
      const { colour, assigned } = practiceFeature(
        i,
        s.doc.practices[i],
        defs.get(s.doc.assignment.get(s.doc.practices[i].code) as NetworkId),
      ).properties;
      map.setFeatureState({ source: SOURCES.practices, id: i }, { colour, assigned });
    }
    shown = plan;
    shownDefs = s.doc.networks;
  }

  function syncCatchment() {
    const s = get();
    if (!s.smallAreas && !map.getSource('pcn-catchment')) return;
    const code = s.hoveredPractice ?? s.selectedPractice;
    applyCatchment(
      map,
      s.smallAreas ? selectCatchment(s.doc.practices, s.smallAreas, code) : { type: 'FeatureCollection', features: [] },
    );
  }

  function setState(id: number | null, key: 'hover' | 'selected', value: boolean) {
    if (id !== null && layersReady) map.setFeatureState({ source: SOURCES.practices, id }, { [key]: value });
  }

  function onStore(s: Planner, prev: Planner) {
    if (s.basemap !== prev.basemap) {
      layersReady = false;
      map.setStyle(styleFor(s.basemap));
      return;
    }
    if (!layersReady) return;
    if (s.doc.practices !== prev.doc.practices || s.doc.boundary !== prev.doc.boundary) fullSync(true);
    else if (
      s.footprintSource !== prev.footprintSource ||
      (s.smallAreas !== prev.smallAreas && s.footprintSource === FOOTPRINT_SOURCES.smallAreas)
    )
      // Opening small-area files while footprints come from cells changes nothing drawn here.
      fullSync(false);
    else if (s.doc !== prev.doc) incrementalSync();
    if (s.reference !== prev.reference) compare.setReference(s.reference);
    if (
      s.compareWith !== prev.compareWith ||
      (s.compareWith !== null && (s.doc !== prev.doc || s.scenarios !== prev.scenarios))
    )
      compare.setComparison(selectComparison(s));
    if (
      s.hoveredPractice !== prev.hoveredPractice ||
      s.selectedPractice !== prev.selectedPractice ||
      s.smallAreas !== prev.smallAreas ||
      s.doc.practices !== prev.doc.practices
    )
      syncCatchment();
    if (
      s.showDeprivationLayer !== prev.showDeprivationLayer ||
      s.smallAreas !== prev.smallAreas ||
      s.deprivation !== prev.deprivation
    )
      applyDecileAreas(map, selectDecileAreas(s));
    if (s.hoveredPractice !== prev.hoveredPractice) {
      setState(hovered, 'hover', false);
      hovered = s.hoveredPractice ? (practiceIndex().get(s.hoveredPractice) ?? null) : null;
      setState(hovered, 'hover', true);
    }
    if (s.selectedPractice !== prev.selectedPractice) {
      setState(selected, 'selected', false);
      selected = s.selectedPractice ? (practiceIndex().get(s.selectedPractice) ?? null) : null;
      setState(selected, 'selected', true);
    }
    if (s.mode !== prev.mode) {
      MODE_HANDLERS[prev.mode].exit?.(port, get);
      MODE_HANDLERS[s.mode].enter?.(port, get);
      map.getCanvas().style.cursor = MODE_HANDLERS[s.mode].cursor;
    }
  }
  const unsubscribe = store.subscribe(onStore);

  map.on('style.load', () => {
    addPlannerLayers(map, drawsLand(get().basemap));
    layersReady = true;
    if (serviceOverlay) applyServiceOverlay(map, serviceOverlay);
    compare.reset();
    compare.setReference(get().reference);
    compare.setComparison(selectComparison(get()));
    if (preview) applyPreview(map, preview);
    fullSync(shown === null);
    syncCatchment();
    applyDecileAreas(map, selectDecileAreas(get()));
    MODE_HANDLERS[get().mode].enter?.(port, get);
  });
  map.on('error', (e) => {
    const online = get().basemap.kind !== 'offline';
    const message = e.error?.message ?? 'unknown error';
    if (online && (!layersReady || /tile|style|fetch|network|load/i.test(message))) get().reportBasemapFailure(message);
  });
  map.on('click', (e) => MODE_HANDLERS[get().mode].onClick?.(e.point, port, get));
  map.on('mousedown', (e) => {
    dragging = MODE_HANDLERS[get().mode].onPointerDown?.(e.point, port, get) ?? false;
  });
  map.on('mousemove', (e) => MODE_HANDLERS[get().mode].onPointerMove?.(e.point, port, get, dragging));
  const endDrag = () => {
    if (!dragging) return;
    dragging = false;
    MODE_HANDLERS[get().mode].onPointerUp?.({ x: 0, y: 0 }, port, get);
  };
  map.on('mouseup', endDrag);
  window.addEventListener('mouseup', endDrag);
  map.getCanvasContainer().addEventListener('mouseleave', () => get().hoverPractice(null));

  return {
    zoomTo(bounds: Bounds) {
      map.fitBounds(bounds, { padding: 60, maxZoom: 14, duration: 300 });
    },
    async exportPng(title, wholeArea = false) {
      const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
      if (wholeArea) {
        const b = turfBbox(get().doc.boundary ?? selectTessellation(get()).areaGeometry) as number[];
        if (b.every(Number.isFinite)) {
          map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 30, duration: 0 });
          await new Promise<void>((resolve) => map.once('idle', () => resolve()));
        }
      }
      try {
        return await new Promise<Blob>((resolve, reject) => {
          map.once('render', () => {
            const lat = map.getCenter().lat;
            const metresPerPixel = (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
            const labelsAt = labels
              .inView()
              .map((l) => ({ ...map.project(l.at), text: l.text, outOfBand: l.outOfBand }));
            composeMapPng(map.getCanvas(), get().doc.networks, selectPlan(get()), title, {
              labels: labelsAt,
              metresPerPixel,
            }).then(resolve, reject);
          });
          map.triggerRepaint();
        });
      } finally {
        if (wholeArea) map.jumpTo(camera);
      }
    },
    project(lon, lat) {
      const p = map.project([lon, lat]);
      return { x: p.x, y: p.y };
    },
    pixelsAfterNextFrame(x, y, w, h, repaint) {
      return new Promise((resolve) => {
        map.once('render', () => {
          const canvas = map.getCanvas();
          const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
          const scale = canvas.width / canvas.clientWidth;
          const [pw, ph] = [Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale))];
          const out = new Uint8Array(pw * ph * 4);
          gl.readPixels(
            Math.round(x * scale),
            canvas.height - Math.round(y * scale) - ph,
            pw,
            ph,
            gl.RGBA,
            gl.UNSIGNED_BYTE,
            out,
          );
          resolve(out);
        });
        if (repaint) map.triggerRepaint();
      });
    },
    idle() {
      return new Promise((resolve) => {
        if (map.loaded() && layersReady) resolve();
        else map.once('idle', () => resolve());
      });
    },
    renderedNetworks() {
      if (!layersReady) return [];
      const hits = map.queryRenderedFeatures({ layers: ['pcn-footprints-fill'] });
      return [...new Set(hits.map((f) => String(f.properties.network)))];
    },
    setPreview(outlines) {
      preview = outlines;
      if (layersReady) applyPreview(map, outlines);
    },
    renderedPreview() {
      if (!layersReady || !map.getLayer('pcn-preview-line')) return 0;
      return new Set(
        map.queryRenderedFeatures({ layers: ['pcn-preview-line'] }).map((f) => String(f.properties.network)),
      ).size;
    },
    setServiceOverlay(overlay) {
      serviceOverlay = overlay;
      if (layersReady) applyServiceOverlay(map, overlay);
    },
    destroy() {
      unsubscribe();
      window.removeEventListener('mouseup', endDrag);
      shapes.destroy();
      labels.clear();
      compare.destroy();
      map.remove();
    },
  };
}
