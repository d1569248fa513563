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

/**
 * RGBA bytes of the canvas box from CSS pixel (x, y), w x h CSS pixels, bottom row first, read as
 * the next frame is drawn. `repaint` asks for a frame; without it the next frame is the one a
 * change causes.
 */
export function pixelsAfterNextFrame(
  map: maplibregl.Map,
  box: { x: number; y: number; w: number; h: number },
  repaint: boolean,
): Promise<Uint8Array> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const canvas = map.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const scale = canvas.width / canvas.clientWidth;
      const [pw, ph] = [Math.max(1, Math.round(box.w * scale)), Math.max(1, Math.round(box.h * scale))];
      const out = new Uint8Array(pw * ph * 4);
      gl.readPixels(
        Math.round(box.x * scale),
        canvas.height - Math.round(box.y * scale) - ph,
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
}
