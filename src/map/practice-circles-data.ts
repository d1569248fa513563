// The practice circles' data for the GPU (practice-circles.ts), built from the practices: pure.
import type { Practice } from '../core/model';

/** Floats per vertex: mercator x and y (float32 high parts), what float32 lost of each, radius, corner. */
export const VERTEX_FLOATS = 6;

/**
 * Each practice is a quad of 4 vertices (corners 0-3: x = corner % 2, y = corner >> 1) drawn as two
 * triangles, every vertex carrying its practice's data: one plain draw call (SwiftShader runs an
 * instanced draw as one draw per instance, far slower).
 */
export interface CircleData {
  readonly count: number;
  /** VERTEX_FLOATS per vertex, 4 vertices per practice. */
  readonly positions: Float32Array;
  /** Per vertex: fill red, green, blue, then 255 when assigned (0 when not). */
  readonly styles: Uint8Array;
  /** 6 per practice: its quad's two triangles. */
  readonly indices: Uint16Array | Uint32Array;
}

/** Mercator x of a longitude (0..1 over the world, west to east). */
export const mercatorX = (lon: number) => (lon + 180) / 360;
/** Mercator y of a latitude (0..1 over the world, north to south). */
export const mercatorY = (lat: number) =>
  (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;

/** `v` as a float32 and the remainder float32 lost, so that high + low carries `v` to about 1e-14. */
export function splitMercator(v: number): [number, number] {
  const high = Math.fround(v);
  return [high, Math.fround(v - high)];
}

/** A practice circle's radius in CSS px (second) at stops of the square root of its list size (first). */
export const RADIUS_STOPS: readonly [number, number][] = [
  [0, 3],
  [100, 6],
  [200, 10],
  [330, 15],
];

/** A practice circle's radius in CSS px from its list size: linear in its square root between the stops, clamped. */
export function circleRadius(listSize: number): number {
  const s = Math.sqrt(Math.max(0, listSize));
  const last = RADIUS_STOPS[RADIUS_STOPS.length - 1];
  if (s >= last[0]) return last[1];
  for (let k = 1; k < RADIUS_STOPS.length; k++) {
    const [s1, r1] = RADIUS_STOPS[k];
    if (s <= s1) {
      const [s0, r0] = RADIUS_STOPS[k - 1];
      return r0 + ((s - s0) / (s1 - s0)) * (r1 - r0);
    }
  }
  return last[1];
}

/** RGB bytes of a `#rrggbb` colour (white for anything else). */
export function rgbOf(colour: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [255, 255, 255];
}

/** Writes practice `i`'s fill colour and assigned state into each of its 4 vertices' style bytes. */
export function writeStyle(
  styles: Uint8Array,
  i: number,
  rgb: readonly [number, number, number],
  assigned: boolean,
): void {
  for (let k = 0; k < 4; k++) {
    const at = (i * 4 + k) * 4;
    styles[at] = rgb[0];
    styles[at + 1] = rgb[1];
    styles[at + 2] = rgb[2];
    styles[at + 3] = assigned ? 255 : 0;
  }
}

/** The circles of `practices`, each with its fill colour (`#rrggbb`) and assigned state from `style(i)`. */
export function circleData(
  practices: readonly Practice[],
  style: (i: number) => { colour: string; assigned: boolean },
): CircleData {
  const n = practices.length;
  const positions = new Float32Array(n * 4 * VERTEX_FLOATS);
  const styles = new Uint8Array(n * 16);
  const indices = n * 4 > 65536 ? new Uint32Array(n * 6) : new Uint16Array(n * 6);
  for (let i = 0; i < n; i++) {
    const p = practices[i];
    const [hx, lx] = splitMercator(mercatorX(p.lon));
    const [hy, ly] = splitMercator(mercatorY(p.lat));
    const r = circleRadius(p.listSize);
    for (let k = 0; k < 4; k++) positions.set([hx, hy, lx, ly, r, k], (i * 4 + k) * VERTEX_FLOATS);
    const { colour, assigned } = style(i);
    writeStyle(styles, i, rgbOf(colour), assigned);
    const v = i * 4;
    indices.set([v, v + 1, v + 2, v + 1, v + 3, v + 2], i * 6);
  }
  return { count: n, positions, styles, indices };
}
