// Which practice site's cell holds a WGS84 position: the map's hit test for a click or hover off
// the practice circles, answered from the tessellation instead of from drawn map tiles.
import { pointInRingIds } from './ring-math';
import type { Tessellation } from './tessellation';

/** Whether the cell of `site` (all its rings, even-odd: pieces and holes) holds projected (x, y). */
function cellHolds(t: Tessellation, site: number, x: number, y: number): boolean {
  let inside = false;
  for (const ring of t.cellRings[site]) if (pointInRingIds(x, y, ring, t.vertexXY)) inside = !inside;
  return inside;
}

/**
 * The site whose cell holds (lon, lat), or -1 outside every cell (outside the study area). The
 * nearest site's cell nearly always does (a Voronoi cell is its site's nearest points); clipping
 * and reattached fragments move a few points, so its neighbours and then every cell are tried.
 */
export function siteAt(t: Tessellation, lon: number, lat: number): number {
  const [x, y] = t.projection.forward(lon, lat);
  let nearest = -1;
  let best = Infinity;
  t.sites.forEach((s, k) => {
    const d = (s.x - x) ** 2 + (s.y - y) ** 2;
    if (d < best) {
      best = d;
      nearest = k;
    }
  });
  if (nearest < 0) return -1;
  if (cellHolds(t, nearest, x, y)) return nearest;
  for (const n of t.neighbours[nearest]) if (cellHolds(t, n, x, y)) return n;
  for (let k = 0; k < t.sites.length; k++) if (cellHolds(t, k, x, y)) return k;
  return -1;
}
