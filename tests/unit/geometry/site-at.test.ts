// siteAt (src/core/geometry/site-at.ts), the map's hit test off the practice circles, against
// turf's point-in-polygon over the cells' WGS84 geometry, on Greater Manchester's real practices.
import { bbox, booleanPointInPolygon, centroid, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildTessellation, cellGeometry, siteAt } from '../../../src/core/geometry';
import { loadReal } from './helpers';

const gm = loadReal('gm_practices_2022-01.csv', 'gm_combined_authority_2023_bgc.geojson');
const t = buildTessellation(gm.practices, gm.boundary);
const cells = t.sites.map((_, s) => cellGeometry(t, s));
/** The site whose cell holds the position by turf (strictly inside), or -1. */
const turfSiteAt = (lon: number, lat: number) =>
  cells.findIndex((g) => g !== null && booleanPointInPolygon(point([lon, lat]), g, { ignoreBoundary: true }));

describe('siteAt', () => {
  it('finds each cell from a point inside it (its centroid, where turf puts that inside)', () => {
    let checked = 0;
    cells.forEach((g, s) => {
      if (!g) return;
      const [lon, lat] = centroid(g).geometry.coordinates;
      if (!booleanPointInPolygon(point([lon, lat]), g, { ignoreBoundary: true })) return;
      checked++;
      expect(siteAt(t, lon, lat), `site ${s}`).toBe(s);
    });
    expect(checked).toBeGreaterThan(t.sites.length * 0.9);
  });

  it('agrees with turf at 600 scattered points, outside the study area included', () => {
    const [x0, y0, x1, y1] = bbox(gm.boundary);
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let outside = 0;
    for (let k = 0; k < 600; k++) {
      const [lon, lat] = [x0 - 0.05 + rand() * (x1 - x0 + 0.1), y0 - 0.05 + rand() * (y1 - y0 + 0.1)];
      const want = turfSiteAt(lon, lat);
      if (want < 0) outside++;
      expect(siteAt(t, lon, lat), `${lon}, ${lat}`).toBe(want);
    }
    expect(outside).toBeGreaterThan(50);
    expect(siteAt(t, 0, 0)).toBe(-1);
  });
});
