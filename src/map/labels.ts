// Footprint labels as HTML markers (textContent only: names come from user files), so the
// offline basemap needs no glyph server. One marker per network, updated only when it changes.
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import { polygonsOf } from '../core/geometry/polygons';
import { signedAreaOfPoints } from '../core/geometry/ring-math';

/** At most this many labels at once: the largest networks in view (HTML markers cost per frame). */
const MAX_LABELS = 120;
/** Labels wrap at this width (CSS pixels, as in styles.css), so long names show in full. */
const LABEL_MAX_WIDTH = 150;

interface Entry {
  readonly at: [number, number];
  readonly text: string;
  readonly outOfBand: boolean;
  readonly weight: number;
}

export class FootprintLabels {
  private readonly entries = new Map<number, Entry>();
  private readonly markers = new Map<number, maplibregl.Marker>();
  private scheduled = false;

  /** `className` styles the label boxes (reference-layer labels look different from footprints'). */
  constructor(
    private readonly map: maplibregl.Map,
    private readonly className = 'pcn-label',
  ) {
    map.on('moveend', () => this.schedule());
  }

  set(fid: number, geometry: Geometry | null, text: string, outOfBand: boolean, weight: number) {
    this.entries.delete(fid);
    this.drop(fid);
    if (geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) {
      this.entries.set(fid, { at: labelPoint(geometry), text, outOfBand, weight });
    }
    this.schedule();
  }

  remove(fid: number) {
    this.entries.delete(fid);
    this.drop(fid);
  }

  /** The labels shown in the current view (largest first), for drawing them into an export. */
  inView(): { at: [number, number]; text: string; outOfBand: boolean }[] {
    const inView = viewTest(this.map);
    return [...this.entries.values()]
      .filter((e) => inView(e.at))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_LABELS);
  }

  clear() {
    for (const fid of [...this.markers.keys()]) this.drop(fid);
    this.entries.clear();
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.refresh();
    });
  }

  /**
   * Out-of-band networks first, then the largest: each label is placed only where it overlaps no
   * label already placed (boxes estimated from the text), so none hides another.
   */
  private refresh() {
    const inView = viewTest(this.map);
    const candidates = [...this.entries.entries()]
      .filter(([, e]) => inView(e.at))
      .sort((a, b) => Number(b[1].outOfBand) - Number(a[1].outOfBand) || b[1].weight - a[1].weight);
    const boxes: [number, number, number, number][] = [];
    const wanted: [number, Entry][] = [];
    for (const [fid, e] of candidates) {
      if (wanted.length >= MAX_LABELS) break;
      const lines = e.text.split('\n');
      const textWidth = Math.max(...lines.map((l) => l.length)) * 7.2;
      const w = Math.min(LABEL_MAX_WIDTH, textWidth) + 16;
      const h = (lines.length + Math.floor(textWidth / LABEL_MAX_WIDTH)) * 15 + 8;
      const p = this.map.project(e.at);
      const box: [number, number, number, number] = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
      if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
      boxes.push(box);
      wanted.push([fid, e]);
    }
    const keep = new Set(wanted.map(([fid]) => fid));
    for (const fid of [...this.markers.keys()]) if (!keep.has(fid)) this.drop(fid);
    for (const [fid, e] of wanted) if (!this.markers.has(fid)) this.markers.set(fid, this.marker(e));
  }

  private marker(e: Entry): maplibregl.Marker {
    const el = document.createElement('div');
    el.className = `${this.className}${e.outOfBand ? ` ${this.className}--out` : ''}`;
    el.dataset.label = 'footprint';
    const [title, ...rest] = e.text.split('\n');
    const strong = document.createElement('strong');
    strong.textContent = title;
    el.append(strong);
    for (const line of rest) {
      const span = document.createElement('span');
      span.textContent = line;
      el.append(span);
    }
    return new maplibregl.Marker({ element: el }).setLngLat(e.at).addTo(this.map);
  }

  private drop(fid: number) {
    this.markers.get(fid)?.remove();
    this.markers.delete(fid);
  }
}

/**
 * Whether a position lies in the map's current bounds: LngLatBounds#contains converts every
 * position it is given (30 ms for a national plan's labels under load); this compares numbers.
 */
function viewTest(map: maplibregl.Map): (at: [number, number]) => boolean {
  const b = map.getBounds();
  const sw = b.getSouthWest();
  const ne = b.getNorthEast();
  // As LngLatBounds#contains, wrapped bounds included.
  const wrapped = sw.lng > ne.lng;
  return ([lng, lat]) =>
    sw.lat <= lat && lat <= ne.lat && (wrapped ? sw.lng >= lng && lng >= ne.lng : sw.lng <= lng && lng <= ne.lng);
}

/** The centroid of the largest part when it falls inside, else a point on its surface. */
function labelPoint(g: Polygon | MultiPolygon): [number, number] {
  const parts = polygonsOf(g);
  let best = parts[0];
  let bestArea = -1;
  for (const p of parts) {
    const a = signedAreaOfPoints(p[0]);
    if (Math.abs(a) > bestArea) {
      bestArea = Math.abs(a);
      best = p;
    }
  }
  const poly: Polygon = { type: 'Polygon', coordinates: best };
  const c = centroid(poly).geometry.coordinates;
  if (booleanPointInPolygon(c, poly)) return [c[0], c[1]];
  const q = pointOnFeature(poly).geometry.coordinates;
  return [q[0], q[1]];
}
