// Input polygons whose rings touch themselves at a vertex (the ESRI way of drawing a harbour that
// meets the sea at one point; invalid under OGC rules) rebuilt as valid polygons: the ring is
// split at the touch into a shell and a hole, or into two shells, by the same ring builder as
// footprints. Rings that cross are another problem (a union re-nodes them) and are not handled.
import type { Position } from 'geojson';
import { normaliseCell } from './normalise-cell';
import { signedAreaOfPoints } from './ring-math';

export interface SelfTouchRepair {
  readonly polygons: Position[][][];
  /** Each position where a ring came back to itself, once. */
  readonly touches: Position[];
}

/**
 * Example: a square ring that visits (1, 1) twice comes back as a shell with a hole touching it
 * at (1, 1). Returns null when no ring visits a position twice (nothing to repair).
 */
export function splitSelfTouchingRings(
  polygons: readonly (readonly (readonly Position[])[])[],
): SelfTouchRepair | null {
  const touches = findTouches(polygons);
  if (touches.length === 0) return null;
  const ids = new Map<string, number>();
  const coords: number[] = [];
  const idOf = (p: Position) => {
    const key = `${p[0]},${p[1]}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = coords.length / 2;
      ids.set(key, id);
      coords.push(p[0], p[1]);
    }
    return id;
  };
  const rings: number[][] = [];
  for (const poly of polygons) {
    poly.forEach((ring, k) => {
      const open = ring.slice(0, -1).map(idOf);
      if (signedAreaOfPoints(ring) > 0 !== (k === 0)) open.reverse();
      rings.push(open);
    });
  }
  const xy = Float64Array.from(coords);
  const built = normaliseCell(rings, xy, coords.length / 2);
  const toPositions = (r: Int32Array) => {
    const out: Position[] = Array.from(r, (v) => [xy[v * 2], xy[v * 2 + 1]]);
    out.push([xy[r[0] * 2], xy[r[0] * 2 + 1]]);
    return out;
  };
  return { polygons: built.map((p) => p.map(toPositions)), touches };
}

function findTouches(polygons: readonly (readonly (readonly Position[])[])[]): Position[] {
  const touches: Position[] = [];
  const reported = new Set<string>();
  for (const poly of polygons) {
    for (const ring of poly) {
      const seen = new Set<string>();
      for (let i = 0; i < ring.length - 1; i++) {
        const key = `${ring[i][0]},${ring[i][1]}`;
        if (seen.has(key) && !reported.has(key)) {
          reported.add(key);
          touches.push([ring[i][0], ring[i][1]]);
        }
        seen.add(key);
      }
    }
  }
  return touches;
}
