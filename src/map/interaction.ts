// The interaction part of the map adapter: pointer events and finished lasso/drawn shapes handed
// to the current mode's handlers (src/map/modes.ts) through a port onto the map.
import type * as maplibregl from 'maplibre-gl';
import { booleanPointInPolygon } from '@turf/turf';
import { siteAt, type Tessellation } from '../core/geometry';
import type { PracticeCode } from '../core/model';
import { selectTessellation } from '../state/selectors';
import type { Planner } from '../state/store';
import type { Mode } from '../state/types';
import { PRACTICE_LAYER, SOURCES } from './layers';
import { MODE_HANDLERS, type MapPort } from './modes';
import { ShapeTool } from './shape-tool';

export class MapInteraction {
  private readonly port: MapPort;
  private readonly shapes: ShapeTool;
  private dragging = false;
  /**
   * The last answer of practicesAt and where it was asked. A button goes down where the pointer
   * came to rest: the hover's query already found what is there, and asking MapLibre again costs
   * a paint click several milliseconds (national plan). Forgotten when the view moves, the
   * practices change on the map, or the plan is over other practices or another boundary.
   */
  private lastHit: { x: number; y: number; t: Tessellation; codes: PracticeCode[] } | null = null;
  private readonly endDrag = () => {
    if (!this.dragging) return;
    this.dragging = false;
    this.handlers().onPointerUp?.({ x: 0, y: 0 }, this.port, this.get);
  };

  constructor(
    private readonly map: maplibregl.Map,
    private readonly get: () => Planner,
  ) {
    this.port = {
      practicesAt: (point) => this.practicesAt(point),
      setDragPan(enabled) {
        if (enabled) map.dragPan.enable();
        else map.dragPan.disable();
      },
      setDrawing: (kind) => this.shapes.setKind(kind),
    };
    this.shapes = new ShapeTool(map, (polygon) => {
      const codes = get()
        .doc.practices.filter((p) => booleanPointInPolygon([p.lon, p.lat], polygon))
        .map((p) => p.code);
      this.handlers().onShape?.(codes, get);
    });
    const forget = () => {
      this.lastHit = null;
    };
    map.on('move', forget);
    map.on('styledata', forget);
    map.on('sourcedata', (e) => {
      if (e.sourceId === SOURCES.practices) forget();
    });
    map.on('click', (e) => this.handlers().onClick?.(e.point, this.port, get));
    map.on('mousedown', (e) => {
      this.dragging = this.handlers().onPointerDown?.(e.point, this.port, get) ?? false;
    });
    map.on('mousemove', (e) => this.handlers().onPointerMove?.(e.point, this.port, get, this.dragging));
    map.on('mouseup', this.endDrag);
    window.addEventListener('mouseup', this.endDrag);
    map.getCanvasContainer().addEventListener('mouseleave', () => get().hoverPractice(null));
  }

  private handlers() {
    return MODE_HANDLERS[this.get().mode];
  }

  /** Practices under the pointer: a practice circle, else every practice of the cell there. */
  private practicesAt({ x, y }: { x: number; y: number }): PracticeCode[] {
    const t = selectTessellation(this.get());
    const last = this.lastHit;
    if (last && last.x === x && last.y === y && last.t === t) return last.codes;
    const codes = this.queryPracticesAt(x, y, t);
    this.lastHit = { x, y, t, codes };
    return codes;
  }

  /** A practice circle within 4 px (MapLibre's hit test), else the cell there (the tessellation's). */
  private queryPracticesAt(x: number, y: number, t: Tessellation): PracticeCode[] {
    const hits = this.map.queryRenderedFeatures(
      [
        [x - 4, y - 4],
        [x + 4, y + 4],
      ],
      { layers: [PRACTICE_LAYER] },
    );
    if (hits.length > 0) return [hits[0].properties.code as PracticeCode];
    const { lng, lat } = this.map.unproject([x, y]);
    const site = t.sites[siteAt(t, lng, lat)];
    const practices = this.get().doc.practices;
    return site ? site.practices.map((i) => practices[i].code) : [];
  }

  /** The current mode starts (after the map's layers are ready). */
  enter(): void {
    this.handlers().enter?.(this.port, this.get);
    this.showCursor(this.get().mode);
  }

  /** Leaves one mode for another, with the new mode's cursor. */
  changeMode(from: Mode, to: Mode): void {
    MODE_HANDLERS[from].exit?.(this.port, this.get);
    MODE_HANDLERS[to].enter?.(this.port, this.get);
    this.showCursor(to);
  }

  /**
   * The mode's cursor. A crosshair also goes on the canvas container (class `pcn-crosshair`, see
   * styles.css), held while the button is down: MapLibre's `:active` "grabbing" cursor there would
   * change a style every label marker inside it inherits, and restyle them all at each paint click
   * before the click's handler can run.
   */
  private showCursor(mode: Mode): void {
    const { cursor } = MODE_HANDLERS[mode];
    this.map.getCanvas().style.cursor = cursor;
    this.map.getContainer().classList.toggle('pcn-crosshair', cursor === 'crosshair');
  }

  destroy(): void {
    window.removeEventListener('mouseup', this.endDrag);
    this.shapes.destroy();
  }
}
