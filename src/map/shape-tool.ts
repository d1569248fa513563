// Lasso (freehand) and polygon drawing with terra-draw. Started only while a shape mode is on,
// so the map's own click handling is untouched otherwise; each finished shape is handed on and
// cleared. terra-draw is not part of the first download: it is fetched once the map has first
// drawn (or when a shape mode is chosen before that).
import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { TerraDraw } from 'terra-draw';

type Kind = 'freehand' | 'polygon';
const loadTerraDraw = () => Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);

export class ShapeTool {
  private draw: TerraDraw | null = null;
  /** The latest kind asked for: a load that finishes after the mode changed again applies this. */
  private wanted: Kind | null = null;
  private destroyed = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onShape: (polygon: Polygon) => void,
  ) {
    map.once('idle', () => void loadTerraDraw());
  }

  setKind(kind: Kind | null) {
    this.wanted = kind;
    if (kind === null) {
      this.draw?.clear();
      this.draw?.stop();
      this.draw = null;
      this.markReady(null);
      return;
    }
    if (this.draw) {
      this.draw.clear();
      this.draw.setMode(kind);
      this.markReady(kind);
    } else void loadTerraDraw().then((modules) => this.start(modules));
  }

  /**
   * `data-shape-tool` on the map's container names the shape mode that is taking input, once
   * terra-draw has started (it loads on demand): the crosshair cursor and tests wait for it.
   */
  private markReady(kind: Kind | null) {
    const container = this.map.getContainer();
    if (kind) container.dataset.shapeTool = kind;
    else delete container.dataset.shapeTool;
  }

  private start([{ TerraDraw, TerraDrawFreehandMode, TerraDrawPolygonMode }, { TerraDrawMapLibreGLAdapter }]: Awaited<
    ReturnType<typeof loadTerraDraw>
  >) {
    if (this.draw || this.wanted === null || this.destroyed) return;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      // Lasso by press-drag-release as well as click-move-click; a polygon closes only on its
      // first vertex (within a few pixels) or a double-click on the last, never on two close corners.
      modes: [
        new TerraDrawFreehandMode({ drawInteraction: 'click-move-or-drag' }),
        new TerraDrawPolygonMode({ pointerDistance: 8 }),
      ],
    });
    this.draw = draw;
    draw.start();
    draw.on('finish', (id) => {
      const f = draw.getSnapshotFeature(id);
      draw.clear();
      if (f && f.geometry.type === 'Polygon') this.onShape(f.geometry as Polygon);
    });
    draw.setMode(this.wanted);
    this.markReady(this.wanted);
  }

  destroy() {
    this.destroyed = true;
    this.setKind(null);
  }
}
