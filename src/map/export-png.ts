// PNG of the map with a legend: network colours, band outline styles, practice symbols.
import type { PlanResult } from '../core/plan';
import type { NetworkDef } from '../state/types';

export async function composeMapPng(mapCanvas: HTMLCanvasElement, networks: readonly NetworkDef[], plan: PlanResult, title: string): Promise<Blob> {
  const ratio = mapCanvas.width / mapCanvas.clientWidth || 1;
  const shown = networks.slice(0, 24);
  const legendWidth = 300 * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = mapCanvas.width + legendWidth;
  canvas.height = Math.max(mapCanvas.height, (170 + shown.length * 22) * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(mapCanvas, 0, 0);
  ctx.scale(ratio, ratio);
  const x0 = mapCanvas.width / ratio + 16;
  let y = 28;
  ctx.fillStyle = '#1d2a33';
  ctx.font = 'bold 15px system-ui, sans-serif';
  ctx.fillText(title, x0, y);
  y += 24;
  ctx.font = '12px system-ui, sans-serif';
  const line = (dash: number[], width: number, label: string) => {
    ctx.setLineDash(dash);
    ctx.lineWidth = width;
    ctx.strokeStyle = '#1d2a33';
    ctx.beginPath();
    ctx.moveTo(x0, y - 4);
    ctx.lineTo(x0 + 30, y - 4);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillText(label, x0 + 40, y);
    y += 20;
  };
  line([], 2, `within band (${plan.input.band.min.toLocaleString('en-GB')}-${plan.input.band.max.toLocaleString('en-GB')})`);
  line([6, 4], 2.5, 'below band');
  line([], 5, 'above band');
  ctx.beginPath();
  ctx.arc(x0 + 15, y - 5, 6, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = 2.5;
  ctx.stroke();
  ctx.fillStyle = '#1d2a33';
  ctx.fillText('practice with no network (size = list size)', x0 + 40, y);
  y += 28;
  for (const n of shown) {
    const s = plan.networks.get(n.id);
    ctx.fillStyle = n.colour;
    ctx.fillRect(x0, y - 11, 22, 14);
    ctx.fillStyle = '#1d2a33';
    ctx.fillText(`${n.name}  ${s ? s.population.toLocaleString('en-GB') : ''}${s && s.band !== 'within' ? ` (${s.band})` : ''}`, x0 + 30, y);
    y += 22;
  }
  if (networks.length > shown.length) ctx.fillText(`…and ${networks.length - shown.length} more networks`, x0, y);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}
