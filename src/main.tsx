// Wires the store, the map adapter and the UI together, restores the autosave or opens the
// synthetic demo region, and starts autosaving. The map adapter (MapLibre, about 290 kB gzip of
// the app's JavaScript) is a separate chunk fetched at once but off the first paint: the panels
// render and work while it loads.
import './styles.css';
import { render } from 'preact';
import { del, get, set } from 'idb-keyval';
import demoBoundary from '../data/demo-boundary.geojson?raw';
import demoPractices from '../data/demo-practices.geojson?raw';
import type { MapView } from './map';
import { store } from './state';
import { alignOverlay, startAlignRunner } from './state/align';
import { restoreAutosave, startAutosave } from './state/autosave';
import { startColourCheck } from './state/colours';
import { isDemoPlan, loadBoundaryText, loadPracticesText } from './state/loaders';
import type { FileStore } from './state/file-cache';
import { App } from './ui/App';
import { FileCopiesContext, reopenRecorded } from './ui/file-copies';
import { SmallAreasPanel } from './ui/lazy-parts';
import type { MapPort } from './ui/map-port';
import { StoreContext } from './ui/store-context';

const kv = { get: (k: string) => get(k), set: (k: string, v: unknown) => set(k, v) };
// This browser's copies of the small-area files, to reopen them after a reload.
const fileCopies: FileStore = { ...kv, del: (k: string) => del(k) };

function openDemo() {
  loadBoundaryText(store, demoBoundary, 'demo-boundary.geojson', { demo: true });
  loadPracticesText(store, demoPractices, 'demo-practices.geojson', { demo: true });
  store.setState({ past: [], future: [], problems: [] });
  const notice = store
    .getState()
    .notify(
      'Showing the synthetic demo region "Doggerland": not real NHS data. Open your own practices file to start.',
    );
  const stop = store.subscribe((s) => {
    if (isDemoPlan(s.doc)) return;
    stop();
    store.getState().dismissNotice(notice);
  });
}

const mapModule = import('./map');

async function start() {
  // The small-area files the autosave names are reopened from this browser's copies while the page starts.
  const restored = await restoreAutosave(
    store,
    kv,
    localStorage,
    (record) => void reopenRecorded(store, record, fileCopies, { fileName: 'the autosaved plan', autosave: true }),
  );
  if (!restored) openDemo();
  startAutosave(store, kv, 400, window, localStorage);
  startAlignRunner(store);
  startColourCheck(store);
  let view: MapView | null = null;
  let resolveView: (v: MapView) => void = () => {};
  const viewReady = new Promise<MapView>((resolve) => (resolveView = resolve));
  const mapPort: MapPort = {
    zoomTo: (b) => view?.zoomTo(b),
    exportPng: (title, wholeArea) =>
      view ? view.exportPng(title, wholeArea) : Promise.reject(new Error('the map is not ready')),
    showPreview: (outlines) => view?.setPreview(outlines),
  };
  let mapContainer: HTMLDivElement | null = null;
  const mapRef = (el: HTMLDivElement | null) => {
    if (!el || mapContainer) return;
    mapContainer = el;
    void mapModule.then(({ createMapView }) => {
      view = createMapView(el, store);
      view.setServiceOverlay(alignOverlay(store.getState()));
      resolveView(view);
    });
  };
  // The Align panel's areas stay on the map whichever tab is open, following the comparison.
  store.subscribe((s, prev) => {
    if (s.doc.align !== prev.doc.align || s.alignment !== prev.alignment || s.showAligned !== prev.showAligned)
      view?.setServiceOverlay(alignOverlay(s));
  });
  // Browser tests and the browser benchmark drive the app through this handle; idle() waits for
  // the map chunk, then for the map to draw the current plan.
  Object.assign(window, {
    __pcn: {
      store,
      idle: () => viewReady.then((v) => v.idle()),
      renderedNetworks: () => view?.renderedNetworks() ?? [],
      renderedPreview: () => view?.renderedPreview() ?? 0,
      project: (lon: number, lat: number) => view?.project(lon, lat),
      pixelsAfterNextFrame: (x: number, y: number, w: number, h: number, repaint: boolean) =>
        viewReady.then((v) => v.pixelsAfterNextFrame(x, y, w, h, repaint)),
      recordFramePixels: (x: number, y: number, w: number, h: number) => view?.recordFramePixels(x, y, w, h),
    },
  });
  render(
    <StoreContext.Provider value={store}>
      <FileCopiesContext.Provider value={fileCopies}>
        <App
          mapPort={mapPort}
          mapRef={mapRef}
          extraTabs={[{ id: 'small-areas', label: 'Small areas', render: () => <SmallAreasPanel /> }]}
        />
      </FileCopiesContext.Provider>
    </StoreContext.Provider>,
    document.getElementById('app')!,
  );
}

void start();
