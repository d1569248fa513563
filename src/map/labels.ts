// Footprint labels as HTML markers (textContent only: names come from user files), so the
// offline basemap needs no glyph server. One marker per network, updated only when it changes.
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import * as maplibregl from 'maplibre-gl';

export class FootprintLabels {
  private readonly markers = new Map<number, maplibregl.Marker>();

  constructor(private readonly map: maplibregl.Map) {}

  set(fid: number, geometry: Geometry | null, text: string, outOfBand: boolean) {
    this.remove(fid);
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return;
    const el = document.createElement('div');
    el.className = `pcn-label${outOfBand ? ' pcn-label--out' : ''}`;
    const [title, ...rest] = text.split('\n');
    const strong = document.createElement('strong');
    strong.textContent = title;
    el.append(strong);
    for (const line of rest) {
      const span = document.createElement('span');
      span.textContent = line;
      el.append(span);
    }
    const marker = new maplibregl.Marker({ element: el }).setLngLat(labelPoint(geometry)).addTo(this.map);
    this.markers.set(fid, marker);
  }

  remove(fid: number) {
    this.markers.get(fid)?.remove();
    this.markers.delete(fid);
  }

  clear() {
    for (const m of this.markers.values()) m.remove();
    this.markers.clear();
  }
}

/** The centroid of the largest part when it falls inside, else a point on its surface. */
function labelPoint(g: Polygon | MultiPolygon): [number, number] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = parts[0];
  let bestArea = -1;
  for (const p of parts) {
    let a = 0;
    const r = p[0];
    for (let i = 0; i + 1 < r.length; i++) a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
    if (Math.abs(a) > bestArea) { bestArea = Math.abs(a); best = p; }
  }
  const poly: Polygon = { type: 'Polygon', coordinates: best };
  const c = centroid(poly).geometry.coordinates;
  if (booleanPointInPolygon(c, poly)) return [c[0], c[1]];
  const q = pointOnFeature(poly).geometry.coordinates;
  return [q[0], q[1]];
}
