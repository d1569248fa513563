// Reading the map's canvas. The drawing buffer is not preserved (a preserved buffer costs a copy
// every frame), so both readers wait for a frame and read inside its `render` event.
import type * as maplibregl from 'maplibre-gl';
import { bbox as turfBbox } from '@turf/turf';
import type { Geometry } from 'geojson';
import type { PlanResult } from '../core/plan';
import type { NetworkDef } from '../state/types';
import { composeMapPng } from './export-png';
import type { FootprintLabels } from './labels';

export interface ExportInput {
  readonly title: string;
  /** Draw the whole study area (this geometry's extent), then put the view back. */
  readonly wholeArea: Geometry | null;
  readonly networks: readonly NetworkDef[];
  readonly plan: () => PlanResult;
}

/** The map with labels, scale bar and legend as a PNG. */
export async function exportMapPng(map: maplibregl.Map, labels: FootprintLabels, input: ExportInput): Promise<Blob> {
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  if (input.wholeArea) {
    const b = turfBbox(input.wholeArea) as number[];
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
        const labelsAt = labels.inView().map((l) => ({ ...map.project(l.at), text: l.text, outOfBand: l.outOfBand }));
        composeMapPng(map.getCanvas(), input.networks, input.plan(), input.title, {
          labels: labelsAt,
          metresPerPixel,
        }).then(resolve, reject);
      });
      map.triggerRepaint();
    });
  } finally {
    if (input.wholeArea) map.jumpTo(camera);
  }
}

/** A fence not signalled within this time is taken as signalled (the read then waits for the renderer). */
const FENCE_LIMIT_MS = 10_000;

type Box = { x: number; y: number; w: number; h: number };

/** One frame's box copied as the frame was issued: when it was drawn, and its pixels. */
interface Captured {
  /** performance.now() in the frame's `render` event. */
  readonly frameAt: number;
  /** Resolves with performance.now() once the renderer has drawn the frame. */
  readonly drawnAt: Promise<number>;
  /** The pixels (after drawnAt); waits for every command issued so far, so call it when idle. */
  read(): Uint8Array;
}

/**
 * RGBA bytes of the canvas box from CSS pixel (x, y), w x h CSS pixels, bottom row first, read as
 * the next frame is drawn; it resolves once the renderer has drawn that frame. `repaint` asks for
 * a frame; without it the next frame is the one a change causes.
 */
export function pixelsAfterNextFrame(map: maplibregl.Map, box: Box, repaint: boolean): Promise<Uint8Array> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const frame = captureFrame(map, box);
      frame.drawnAt.then(() => resolve(frame.read()));
    });
    if (repaint) map.triggerRepaint();
  });
}

export interface FrameRecording {
  /**
   * Stops recording; every frame since the start, in order: when it was issued and drawn, and the
   * box's pixels. Reading pixels waits for the renderer to finish every command issued so far
   * (Chrome maps the buffer with a round trip), so stop once the map is idle.
   */
  stop(): Promise<{ frameAt: number; drawnAt: number; pixels: Uint8Array }[]>;
}

/**
 * Records the box of every frame from now on without blocking the main thread while frames are
 * drawn: each frame's pixels are copied behind a fence whose signal is polled from later tasks.
 */
export function recordFramePixels(map: maplibregl.Map, box: Box): FrameRecording {
  const frames: Captured[] = [];
  const onRender = () => {
    frames.push(captureFrame(map, box));
  };
  map.on('render', onRender);
  return {
    async stop() {
      map.off('render', onRender);
      const drawn = await Promise.all(frames.map((f) => f.drawnAt));
      return frames.map((f, k) => ({ frameAt: f.frameAt, drawnAt: drawn[k], pixels: f.read() }));
    },
  };
}

/**
 * In a `render` event: the box of the frame just issued. With WebGL2 its pixels are copied into a
 * pixel buffer followed by a fence, polled from later tasks (a plain readPixels would block the
 * main thread until the frame is drawn). MapLibre does not use pixel-pack buffers, so binding one
 * here and unbinding it leaves its cached GL state true.
 */
function captureFrame(map: maplibregl.Map, box: Box): Captured {
  const frameAt = performance.now();
  const canvas = map.getCanvas();
  const gl = canvas.getContext('webgl2') ?? (canvas.getContext('webgl') as WebGLRenderingContext);
  const scale = canvas.width / canvas.clientWidth;
  const [w, h] = [Math.max(1, Math.round(box.w * scale)), Math.max(1, Math.round(box.h * scale))];
  const [x, y] = [Math.round(box.x * scale), canvas.height - Math.round(box.y * scale) - h];
  const out = new Uint8Array(w * h * 4);
  if (!('fenceSync' in gl)) {
    gl.readPixels(x, y, w, h, gl.RGBA, gl.UNSIGNED_BYTE, out);
    return { frameAt, drawnAt: Promise.resolve(performance.now()), read: () => out };
  }
  const buffer = gl.createBuffer();
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
  gl.bufferData(gl.PIXEL_PACK_BUFFER, out.byteLength, gl.STREAM_READ);
  gl.readPixels(x, y, w, h, gl.RGBA, gl.UNSIGNED_BYTE, 0);
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  gl.flush();
  // Polled from the next timer task and the next animation frame, whichever runs first: after a
  // long frame task Chrome may run the next frame's callbacks before a timer, and a poll from a
  // timer alone would then see the fence only after that frame's task too (measured: 90 ms late).
  // Callbacks asked for now run before MapLibre's for that frame, which is asked for later.
  const drawnAt = new Promise<number>((resolve) => {
    let [done, timer, frame] = [false, false, false];
    const poll = () => {
      if (done) return;
      const signalled = fence === null || gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED;
      if (signalled || performance.now() - frameAt > FENCE_LIMIT_MS) {
        done = true;
        resolve(performance.now());
      } else wait();
    };
    const wait = () => {
      if (!timer) {
        timer = true;
        setTimeout(() => {
          timer = false;
          poll();
        }, 0);
      }
      if (!frame) {
        frame = true;
        requestAnimationFrame(() => {
          frame = false;
          poll();
        });
      }
    };
    wait();
  });
  const read = () => {
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
    gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, out);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    gl.deleteBuffer(buffer);
    if (fence) gl.deleteSync(fence);
    return out;
  };
  return { frameAt, drawnAt, read };
}
