// Interaction modes as a table: each mode is a small object with the same handlers, driven by
// the map through a port, so modes never touch MapLibre and are tested against a fake port.
import type { PracticeCode } from '../core/model';
import type { Planner } from '../state/store';
import type { Mode } from '../state/types';

/** What modes may ask of the map. */
export interface MapPort {
  /** Practices under the pointer: a practice circle, else every practice of the cell there. */
  practicesAt(point: { x: number; y: number }): PracticeCode[];
  setDragPan(enabled: boolean): void;
  /** Starts terra-draw in 'freehand' (lasso) or 'polygon' (draw) mode, or stops it. */
  setDrawing(kind: 'freehand' | 'polygon' | null): void;
}

export interface PointerEvent2 {
  readonly x: number;
  readonly y: number;
}

export interface ModeHandlers {
  readonly cursor: string;
  enter?(port: MapPort, planner: () => Planner): void;
  exit?(port: MapPort, planner: () => Planner): void;
  onClick?(e: PointerEvent2, port: MapPort, planner: () => Planner): void;
  onPointerDown?(e: PointerEvent2, port: MapPort, planner: () => Planner): boolean;
  onPointerMove?(e: PointerEvent2, port: MapPort, planner: () => Planner, dragging: boolean): void;
  onPointerUp?(e: PointerEvent2, port: MapPort, planner: () => Planner): void;
  /** A finished lasso or drawn polygon, as the practices inside it. */
  onShape?(codes: PracticeCode[], planner: () => Planner): void;
}

const hover = (e: PointerEvent2, port: MapPort, planner: () => Planner) => {
  planner().hoverPractice(port.practicesAt(e)[0] ?? null);
};

function brush(target: (p: Planner) => { id: string | null; ok: boolean }): ModeHandlers {
  return {
    cursor: 'crosshair',
    enter: (port) => port.setDragPan(false),
    exit: (port, planner) => {
      port.setDragPan(true);
      planner().endStroke();
    },
    onPointerDown(e, port, planner) {
      const p = planner();
      const { id, ok } = target(p);
      if (!ok) {
        p.notify('Choose a network to paint with ("Painting:" in the toolbar, or its swatch in the list).', 'warning');
        return false;
      }
      p.beginStroke();
      p.assignPractices(port.practicesAt(e), id as never);
      return true;
    },
    onPointerMove(e, port, planner, dragging) {
      if (!dragging) return hover(e, port, planner);
      const p = planner();
      p.assignPractices(port.practicesAt(e), target(p).id as never);
    },
    onPointerUp: (_e, _port, planner) => planner().endStroke(),
  };
}

function shape(kind: 'freehand' | 'polygon', onShape: ModeHandlers['onShape']): ModeHandlers {
  return {
    cursor: 'crosshair',
    enter: (port) => port.setDrawing(kind),
    exit: (port) => port.setDrawing(null),
    onShape,
  };
}

export const MODE_HANDLERS: Record<Mode, ModeHandlers> = {
  select: {
    cursor: '',
    onClick(e, port, planner) {
      planner().selectPractice(port.practicesAt(e)[0] ?? null);
    },
    onPointerMove: hover,
  },
  paint: brush((p) => ({ id: p.activeNetwork, ok: p.activeNetwork !== null })),
  unassign: brush(() => ({ id: null, ok: true })),
  lasso: shape('freehand', (codes, planner) => {
    const p = planner();
    if (p.activeNetwork === null) {
      p.notify('Choose a network to paint with ("Painting:" in the toolbar) before using the lasso.', 'warning');
      return;
    }
    p.beginStroke();
    p.assignPractices(codes, p.activeNetwork);
    p.endStroke();
  }),
  draw: shape('polygon', (codes, planner) => {
    planner().createNetworkFrom(codes);
  }),
};
