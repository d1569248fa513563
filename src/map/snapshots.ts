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

/** A fence not signalled within this time is waited for (a blocking read) rather than polled for ever. */
const FENCE_LIMIT_MS = 2000;

type Box = { x: number; y: number; w: number; h: number };

/**
 * RGBA bytes of the canvas box from CSS pixel (x, y), w x h CSS pixels, bottom row first, read as
 * the next frame is drawn; it resolves once the GPU has drawn that frame. `repaint` asks for a
 * frame; without it the next frame is the one a change causes.
 */
export function pixelsAfterNextFrame(map: maplibregl.Map, box: Box, repaint: boolean): Promise<Uint8Array> {
  return new Promise((resolve) => {
    map.once('render', () => {
      readFrame(map, box).then(resolve);
    });
    if (repaint) map.triggerRepaint();
  });
}

/**
 * The box's pixels of every frame from now on, in order, each once the GPU has drawn it, with the
 * time the frame was issued (performance.now()), until `onPixels` returns true.
 */
export function watchFramePixels(
  map: maplibregl.Map,
  box: Box,
  onPixels: (pixels: Uint8Array, frameAt: number) => boolean,
): void {
  let done = false;
  const onRender = () => {
    const frameAt = performance.now();
    readFrame(map, box).then((pixels) => {
      if (done || !onPixels(pixels, frameAt)) return;
      done = true;
      map.off('render', onRender);
    });
  };
  map.on('render', onRender);
}

/**
 * In a `render` event: the box of the frame just issued. With WebGL2 its pixels are copied into a
 * pixel buffer behind a fence, and the fence is polled from later tasks, so the main thread never
 * waits for the renderer (a plain readPixels would block it until the frame is drawn).
 */
function readFrame(map: maplibregl.Map, box: Box): Promise<Uint8Array> {
  const canvas = map.getCanvas();
  const gl = canvas.getContext('webgl2') ?? (canvas.getContext('webgl') as WebGLRenderingContext);
  const scale = canvas.width / canvas.clientWidth;
  const [pw, ph] = [Math.max(1, Math.round(box.w * scale)), Math.max(1, Math.round(box.h * scale))];
  const [px, py] = [Math.round(box.x * scale), canvas.height - Math.round(box.y * scale) - ph];
  const out = new Uint8Array(pw * ph * 4);
  if ('fenceSync' in gl) return readBehindFence(gl, [px, py, pw, ph], out);
  gl.readPixels(px, py, pw, ph, gl.RGBA, gl.UNSIGNED_BYTE, out);
  return Promise.resolve(out);
}

/**
 * Copies the box of the frame being drawn into a pixel buffer and resolves with `out` once the
 * fence after the copy is signalled (polled from later tasks). MapLibre does not use pixel-pack
 * buffers, so binding one here and unbinding it leaves its cached GL state true.
 */
function readBehindFence(gl: WebGL2RenderingContext, [x, y, w, h]: number[], out: Uint8Array): Promise<Uint8Array> {
  const buffer = gl.createBuffer();
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
  gl.bufferData(gl.PIXEL_PACK_BUFFER, out.byteLength, gl.STREAM_READ);
  gl.readPixels(x, y, w, h, gl.RGBA, gl.UNSIGNED_BYTE, 0);
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  gl.flush();
  const started = performance.now();
  return new Promise((resolve) => {
    const poll = () => {
      const signalled = fence === null || gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED;
      if (!signalled && performance.now() - started < FENCE_LIMIT_MS) {
        setTimeout(poll, 0);
        return;
      }
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
      gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, out);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
      gl.deleteBuffer(buffer);
      if (fence) gl.deleteSync(fence);
      resolve(out);
    };
    setTimeout(poll, 0);
  });
}
