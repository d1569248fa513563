// PNG of the map: title, the network labels in view, a scale bar, and a legend sized to its text
// (network colours, band outline styles, practice symbols).
import type { PlanResult } from '../core/plan';
import type { NetworkDef } from '../state/types';

export interface PngExtras {
  /** Labels to draw, at CSS-pixel positions on the map canvas. */
  readonly labels: readonly { x: number; y: number; text: string; outOfBand: boolean }[];
  /** Ground metres per CSS pixel at the map's centre, for the scale bar. */
  readonly metresPerPixel: number;
}

const INK = '#1d2a33';
const MAX_LEGEND = 460;

/** The longest prefix of `text` (with "…") that fits `width` pixels. */
function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
}

function drawLabels(ctx: CanvasRenderingContext2D, labels: PngExtras['labels']) {
  ctx.textAlign = 'center';
  ctx.lineJoin = 'round';
  for (const l of labels) {
    const [name, ...rest] = l.text.split('\n');
    ctx.font = 'bold 11px system-ui, sans-serif';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeText(name, l.x, l.y);
    ctx.fillStyle = INK;
    ctx.fillText(name, l.x, l.y);
    ctx.font = '10px system-ui, sans-serif';
    rest.forEach((line, k) => {
      ctx.strokeText(line, l.x, l.y + 12 * (k + 1));
      ctx.fillStyle = l.outOfBand ? '#b10e1e' : INK;
      ctx.fillText(line, l.x, l.y + 12 * (k + 1));
    });
  }
  ctx.textAlign = 'start';
}

/** A scale bar of a round length, bottom left of the map. */
function drawScale(ctx: CanvasRenderingContext2D, metresPerPixel: number, mapHeight: number) {
  if (!(metresPerPixel > 0)) return;
  const target = 120 * metresPerPixel;
  const pow = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= target) ?? pow;
  const px = metres / metresPerPixel;
  const x = 16,
    y = mapHeight - 18;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 6, y - 18, px + 60, 26);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, y - 6);
  ctx.lineTo(x, y);
  ctx.lineTo(x + px, y);
  ctx.lineTo(x + px, y - 6);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, x + px + 6, y);
}

export async function composeMapPng(
  mapCanvas: HTMLCanvasElement,
  networks: readonly NetworkDef[],
  plan: PlanResult,
  title: string,
  extras: PngExtras,
): Promise<Blob> {
  const ratio = mapCanvas.width / mapCanvas.clientWidth || 1;
  const shown = networks.slice(0, 30);
  const lines = shown.map((n) => {
    const s = plan.networks.get(n.id);
    return `${n.name}  ${s ? s.population.toLocaleString('en-GB') : ''}${s && s.band !== 'within' ? ` (${s.band})` : ''}`;
  });
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = '12px system-ui, sans-serif';
  const textWidth = Math.max(260, ...lines.map((l) => measure.measureText(l).width + 30));
  measure.font = 'bold 15px system-ui, sans-serif';
  const legendCss = Math.min(MAX_LEGEND, Math.max(textWidth, measure.measureText(title).width) + 32);
  const mapCss = mapCanvas.width / ratio;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(mapCanvas.width + legendCss * ratio);
  canvas.height = Math.ceil(Math.max(mapCanvas.height, (190 + shown.length * 22) * ratio));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(mapCanvas, 0, 0);
  ctx.scale(ratio, ratio);
  drawLabels(ctx, extras.labels);
  drawScale(ctx, extras.metresPerPixel, mapCanvas.height / ratio);
  const x0 = mapCss + 16;
  const room = legendCss - 32;
  let y = 28;
  ctx.fillStyle = INK;
  ctx.font = 'bold 15px system-ui, sans-serif';
  ctx.fillText(fitText(ctx, title, room), x0, y);
  y += 24;
  ctx.font = '12px system-ui, sans-serif';
  const line = (dash: number[], width: number, label: string) => {
    ctx.setLineDash(dash);
    ctx.lineWidth = width;
    ctx.strokeStyle = INK;
    ctx.beginPath();
    ctx.moveTo(x0, y - 4);
    ctx.lineTo(x0 + 30, y - 4);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillText(fitText(ctx, label, room - 40), x0 + 40, y);
    y += 20;
  };
  line(
    [],
    2,
    `within band (${plan.input.band.min.toLocaleString('en-GB')}-${plan.input.band.max.toLocaleString('en-GB')})`,
  );
  line([6, 4], 2.5, 'below band');
  line([], 5, 'above band');
  ctx.beginPath();
  ctx.arc(x0 + 15, y - 5, 6, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = 2.5;
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.fillText(fitText(ctx, 'practice with no network (size = list size)', room - 40), x0 + 40, y);
  y += 28;
  shown.forEach((n, k) => {
    ctx.fillStyle = n.colour;
    ctx.fillRect(x0, y - 11, 22, 14);
    ctx.fillStyle = INK;
    ctx.fillText(fitText(ctx, lines[k], room - 30), x0 + 30, y);
    y += 22;
  });
  if (networks.length > shown.length)
    ctx.fillText(
      `…and ${networks.length - shown.length} more networks (all in the CSV and GeoJSON exports)`.slice(0, 80),
      x0,
      y,
    );
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}
