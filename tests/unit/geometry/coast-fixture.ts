// A hand-made coast (about 28 x 33 km off south-west England) with what real coastlines have and
// the national boundary happens not to: a harbour whose two channels meet the sea at single
// vertices (a spit of land between them touches the mainland at two points), a second harbour
// that is a hole touching the coast at one vertex, a lake touching the shore at one vertex,
// islands without practices (offshore, inside the harbour, one touching the mainland at a
// vertex) and an island with a practice.
//   'ogc':  the same land drawn as valid OGC polygons (holes touching shells, polygons touching).
//   'esri': the mainland, spit, harbour and lake drawn as one self-touching ring (invalid in OGC,
//           the way some desktop GIS tools draw it), which the boundary reader must repair.
import { booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';
import type { Practice } from '../../../src/core/model';
import { practice } from './helpers';

const LON0 = -4.2;
const LAT0 = 50.3;
const at = (u: number, v: number): Position => [Math.round((LON0 + u) * 1e6) / 1e6, Math.round((LAT0 + v) * 1e6) / 1e6];
const ring = (pts: [number, number][]) => [...pts, pts[0]].map(([u, v]) => at(u, v));

// Harbour 1 (a bay) reaches the sea through two channels at (0.4, 0.13) and (0.4, 0.17).
const BAY_SOUTH: [number, number][] = [
  [0.4, 0.13],
  [0.35, 0.11],
  [0.3, 0.15],
  [0.35, 0.19],
  [0.4, 0.17],
];
const SPIT: [number, number][] = [
  [0.4, 0.13],
  [0.4, 0.17],
  [0.37, 0.15],
];
const HARBOUR_2: [number, number][] = [
  [0.4, 0.25],
  [0.36, 0.23],
  [0.33, 0.25],
  [0.36, 0.27],
];
const LAKE: [number, number][] = [
  [0, 0.15],
  [0.05, 0.17],
  [0.05, 0.13],
];

const ISLANDS_WITHOUT_PRACTICE: [number, number][][] = [
  [
    [0.45, 0.05],
    [0.5, 0.05],
    [0.5, 0.08],
    [0.45, 0.08],
  ],
  [
    [0.34, 0.14],
    [0.36, 0.15],
    [0.34, 0.16],
  ],
  [
    [0.4, 0.05],
    [0.44, 0.02],
    [0.44, 0.07],
  ],
];
const ISLAND_WITH_PRACTICE: [number, number][] = [
  [0.45, 0.2],
  [0.5, 0.2],
  [0.5, 0.24],
  [0.45, 0.24],
];

export function coastBoundary(form: 'ogc' | 'esri'): MultiPolygon {
  const islands = [...ISLANDS_WITHOUT_PRACTICE, ISLAND_WITH_PRACTICE].map((r) => [ring(r)]);
  if (form === 'ogc') {
    const shell = ring([[0, 0], [0.4, 0], [0.4, 0.05], ...BAY_SOUTH, [0.4, 0.25], [0.4, 0.3], [0, 0.3], [0, 0.15]]);
    const harbour = ring(HARBOUR_2);
    const lake = ring(LAKE);
    return { type: 'MultiPolygon', coordinates: [[shell, harbour, lake], [ring(SPIT)], ...islands] };
  }
  const shell = ring([
    [0, 0],
    [0.4, 0],
    [0.4, 0.05],
    [0.4, 0.13],
    [0.4, 0.17],
    [0.37, 0.15],
    [0.4, 0.13],
    [0.35, 0.11],
    [0.3, 0.15],
    [0.35, 0.19],
    [0.4, 0.17],
    [0.4, 0.25],
    ...HARBOUR_2.slice(1),
    [0.4, 0.25],
    [0.4, 0.3],
    [0, 0.3],
    ...LAKE,
    [0, 0.15],
  ]);
  return { type: 'MultiPolygon', coordinates: [[shell], ...islands] };
}

/** About 40 practices: a jittered grid on the mainland, some beside the channels and harbours, one on an island. */
export function coastPractices(): Practice[] {
  const land = coastBoundary('ogc');
  let seed = 7;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const spots: [number, number][] = [
    [0.39, 0.125],
    [0.39, 0.178],
    [0.395, 0.26],
    [0.31, 0.2],
    [0.03, 0.15],
    [0.475, 0.22],
  ];
  for (let i = 0; i < 8; i++) {
    for (let j = 0; j < 6; j++)
      spots.push([0.025 + 0.05 * i + (rand() - 0.5) * 0.02, 0.025 + 0.05 * j + (rand() - 0.5) * 0.02]);
  }
  const onLand = spots.filter(([u, v]) => booleanPointInPolygon(point(at(u, v)), land));
  return onLand.map(([u, v], k) => {
    const [lon, lat] = at(u, v);
    return practice(`C${String(k).padStart(3, '0')}`, lon, lat, 4000 + Math.floor(rand() * 12_000));
  });
}
