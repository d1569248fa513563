// The direct clip of boundary cells (clip-convex.ts) against turf.intersect, cell by cell, on
// the real England and Greater Manchester boundaries: same area, valid under OGC rules (jsts),
// and it decides nearly every cell itself (polyclip only takes the undecided ones).
import { featureCollection, intersect, multiPolygon, polygon } from '@turf/turf';
import { Delaunay } from 'd3-delaunay';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../src/core/geometry/projection';
import { clipConvexCell } from '../../../src/core/geometry/clip-convex';
import type { XY } from '../../../src/core/geometry/clip-cell';
import { boundaryStudyArea, hullStudyArea } from '../../../src/core/geometry/study-area';
import { loadReal } from './helpers';
import { polygonValidityErrors } from './validity';

/** Planar area of metre polygons (shoelace), independent of the code under test. */
function planarArea(polys: XY[][][]): number {
  let sum = 0;
  for (const rings of polys) {
    for (const r of rings) {
      let s = 0;
      for (let i = 0; i + 1 < r.length; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
      sum += s / 2;
    }
  }
  return sum;
}

function boundaryCells(practicesFile: string, boundaryFile: string) {
  const real = loadReal(practicesFile, boundaryFile);
  const projection = createProjection(real.practices.map((p) => [p.lon, p.lat] as [number, number]));
  const study = boundaryStudyArea(real.boundary, projection);
  const points = real.practices.map((p) => projection.forward(p.lon, p.lat) as XY);
  const voronoi = Delaunay.from(points).voronoi([-1e6, -1e6, 1e6, 1e6]);
  const cells: XY[][] = [];
  for (let i = 0; i < points.length; i++) {
    const cell = voronoi.cellPolygon(i) as XY[] | null;
    if (cell && study.index.crossesConvex(cell)) cells.push(cell);
  }
  return { study, cells };
}

describe('direct clip of boundary cells', () => {
  for (const [practices, boundary, minCells] of [
    ['gm_practices_2022-01.csv', 'gm_combined_authority_2023_bgc.geojson', 40],
    ['gm_practices_2022-01.csv', 'gm_local_authorities_2023_bgc.geojson', 40],
    ['england_practices_2022-01.csv', 'england_icb_2022_ultragen.geojson', 400],
  ] as const) {
    it(`${boundary}: same area as turf.intersect, valid, decided for >= 98% of cells`, () => {
      const { study, cells } = boundaryCells(practices, boundary);
      expect(cells.length).toBeGreaterThan(minCells);
      const area2 = multiPolygon(study.polygons);
      let undecided = 0;
      for (const cell of cells) {
        const ours = clipConvexCell(cell, study.index);
        if (ours === null) {
          undecided++;
          continue;
        }
        const theirs = intersect(featureCollection<Polygon | MultiPolygon>([polygon([cell]), area2]))?.geometry;
        const theirsM2 = !theirs
          ? 0
          : planarArea((theirs.type === 'Polygon' ? [theirs.coordinates] : theirs.coordinates) as XY[][][]);
        expect(Math.abs(planarArea(ours) - theirsM2)).toBeLessThan(1e-3 * Math.max(1, theirsM2) ** 0.5);
        for (const rings of ours) {
          const g: Polygon = { type: 'Polygon', coordinates: rings };
          expect(polygonValidityErrors(g, 'clipped cell')).toEqual([]);
        }
      }
      expect(undecided / cells.length).toBeLessThan(0.02);
    });
  }

  it('clips the no-boundary hull and leaves a cell the area misses empty', () => {
    const projection = createProjection([[-2, 53.4]]);
    const hull = hullStudyArea(
      [
        [0, 0],
        [10_000, 0],
        [0, 10_000],
      ],
      projection,
    );
    const straddling: XY[] = [
      [5_000, -5_000],
      [20_000, -5_000],
      [20_000, 5_000],
      [5_000, 5_000],
      [5_000, -5_000],
    ];
    const clipped = clipConvexCell(straddling, hull.index)!;
    expect(clipped).toHaveLength(1);
    expect(polygonValidityErrors({ type: 'Polygon', coordinates: clipped[0] }, 'hull cell')).toEqual([]);
    const far: XY[] = straddling.map(([x, y]) => [x + 1e6, y]);
    expect(clipConvexCell(far, hull.index)).toEqual([]);
  });

  it('leaves a cell whose edge line passes exactly through a boundary vertex to polyclip', () => {
    const projection = createProjection([[-2, 53.4]]);
    const hull = hullStudyArea([[0, 0]], projection);
    const ring = hull.polygons[0][0];
    const [vx, vy] = ring[0];
    const cell: XY[] = [
      [vx, vy - 10],
      [vx + 5_000, vy - 10],
      [vx + 5_000, vy + 5_000],
      [vx, vy + 5_000],
      [vx, vy - 10],
    ];
    expect(clipConvexCell(cell, hull.index)).toBeNull();
  });
});
