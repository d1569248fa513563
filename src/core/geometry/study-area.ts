// The study area in projected metres: the user's boundary, or (without one) the practices'
// convex hull grown by a margin, so edge practices still get a cell of sensible size.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Boundary } from '../model';
import type { AreaPolygons, XY } from './clip-cell';
import { polygonsOf } from './polygons';
import type { Projection } from './projection';
import { convexHull, convexHullXY, hypot, signedAreaOfPoints } from './ring-math';
import { SegmentIndex } from './segment-index';

export interface StudyArea {
  readonly polygons: AreaPolygons;
  readonly index: SegmentIndex;
  /** WGS84 geometry of the area actually used. */
  readonly geometry: Boundary;
  readonly areaKm2: number;
}

export function boundaryStudyArea(boundary: Boundary, projection: Projection): StudyArea {
  const polygons: AreaPolygons = polygonsOf(boundary).map((rings) =>
    rings.map((ring) => ring.map((p) => projection.forward(p[0], p[1]) as XY)),
  );
  return fromPolygons(polygons, boundary);
}

/** Hull of the sites grown by max(2 km, 5% of the hull's diameter); a circle around one site. */
export function hullStudyArea(points: readonly XY[], projection: Projection): StudyArea {
  return grownHullArea(convexHull(points), projection);
}

/** hullStudyArea of the points (xs[i], ys[i]). */
export function hullStudyAreaXY(xs: Float64Array, ys: Float64Array, projection: Projection): StudyArea {
  return grownHullArea(convexHullXY(xs, ys), projection);
}

function grownHullArea(hull: readonly XY[], projection: Projection): StudyArea {
  let diameter = 0;
  for (let i = 0; i < hull.length; i++) {
    for (let j = i + 1; j < hull.length; j++)
      diameter = Math.max(diameter, hypot(hull[i][0] - hull[j][0], hull[i][1] - hull[j][1]));
  }
  const margin = Math.max(2000, diameter * 0.05);
  const grown: XY[] = [];
  const steps = 32;
  for (const [x, y] of hull) {
    for (let k = 0; k < steps; k++) {
      const a = (2 * Math.PI * k) / steps;
      grown.push([x + margin * Math.cos(a), y + margin * Math.sin(a)]);
    }
  }
  const ring = convexHull(grown);
  ring.push(ring[0]);
  const geometry: Polygon = {
    type: 'Polygon',
    coordinates: [
      ring.map(([x, y]) => {
        const [lon, lat] = projection.inverse(x, y);
        return [round6(lon), round6(lat)];
      }),
    ],
  };
  geometry.coordinates[0][geometry.coordinates[0].length - 1] = geometry.coordinates[0][0];
  return fromPolygons([[ring]], geometry);
}

export function emptyStudyArea(): StudyArea {
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: [] };
  return fromPolygons([], geometry);
}

/** The index holds every ring with the interior on its left (shells counter-clockwise, holes clockwise). */
function fromPolygons(polygons: AreaPolygons, geometry: Boundary): StudyArea {
  let area = 0;
  const oriented: XY[][] = [];
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const signed = signedAreaOfPoints(ring);
      const a = Math.abs(signed);
      area += i === 0 ? a : -a;
      oriented.push((i === 0) === signed >= 0 ? ring : ring.slice().reverse());
    });
  }
  return { polygons, index: new SegmentIndex(oriented), geometry, areaKm2: area / 1e6 };
}

export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
