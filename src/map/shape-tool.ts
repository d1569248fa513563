// Lasso (freehand) and polygon drawing with terra-draw. Started only while a shape mode is on,
// so the map's own click handling is untouched otherwise; each finished shape is handed on and
// cleared.
import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawFreehandMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

export class ShapeTool {
  private draw: TerraDraw | null = null;

  constructor(private readonly map: MapLibreMap, private readonly onShape: (polygon: Polygon) => void) {}

  setKind(kind: 'freehand' | 'polygon' | null) {
    if (kind === null) {
      this.draw?.clear();
      this.draw?.stop();
      this.draw = null;
      return;
    }
    if (!this.draw) {
      this.draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
        // Lasso by press-drag-release as well as click-move-click; a polygon closes only on its
        // first vertex (within a few pixels) or a double-click on the last, never on two close corners.
        modes: [new TerraDrawFreehandMode({ drawInteraction: 'click-move-or-drag' }), new TerraDrawPolygonMode({ pointerDistance: 8 })],
      });
      this.draw.start();
      this.draw.on('finish', (id) => {
        const f = this.draw?.getSnapshotFeature(id);
        this.draw?.clear();
        if (f && f.geometry.type === 'Polygon') this.onShape(f.geometry as Polygon);
      });
    }
    this.draw.clear();
    this.draw.setMode(kind);
  }

  destroy() {
    this.setKind(null);
  }
}
