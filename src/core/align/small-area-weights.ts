// Population of each tile inside each service area, from small-area populations (residents spread
// evenly over each small area) instead of practice list sizes.
import { intersect, kinks, unkinkPolygon } from '../geometry/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Boundary } from '../model';
import type { Projection } from '../geometry';
import { polygonsOf } from '../geometry/polygons';
import {
  boxOf,
  boxesOverlap,
  geometryArea,
  intersectionArea,
  oriented,
  pointInGeometry,
  projectGeometry,
  type Box,
  type PlanarGeometry,
  type Ring,
} from './planar';
import type { TileOverlaps } from './tile-overlaps';
import type { SmallArea } from './types';

/** Share of a small area that may lie outside the one service area it nests in. */
const NESTED_TOLERANCE = 2e-3;

export interface SmallAreaWeights {
  /** Per tile, per service area (last slot: outside every area): residents. */
  readonly weights: readonly Float64Array[];
  /** Small-area pieces that could not be clipped exactly (invalid rings) and were estimated instead. */
  readonly approximated: number;
}

const feature = (g: PlanarGeometry): Feature<MultiPolygon> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'MultiPolygon', coordinates: g.map((p) => p.map((r) => closed(r))) },
});

function closed(r: Ring): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]]);
  out.push([r[0], r[1]]);
  return out;
}

function toPlanar(g: Polygon | MultiPolygon): PlanarGeometry {
  // Polygon clipping does not promise a winding: outer rings counter-clockwise, holes clockwise, so areas add up.
  return polygonsOf(g).map((rings) => rings.map((r, k) => oriented(Float64Array.from(r.slice(0, -1).flat()), k === 0)));
}

export function smallAreaWeights(
  smallAreas: readonly SmallArea[],
  projection: Projection,
  overlaps: TileOverlaps,
  areas: readonly PlanarGeometry[],
  areaBoxes: readonly Box[],
): SmallAreaWeights {
  const nAreas = areas.length;
  const weights = overlaps.tiles.map(() => new Float64Array(nAreas + 1));
  let approximated = 0;
  for (const sa of smallAreas) {
    if (sa.population <= 0) continue;
    const g = projectGeometry(withoutKinks(sa.geometry), projection);
    const box = boxOf(g);
    const area = geometryArea(g);
    if (!(area > 0)) continue;
    const density = sa.population / area;
    // Small areas usually nest in one service area (LSOAs in boroughs): then no three-way clipping.
    // Slivers under NESTED_TOLERANCE of the small area are generalisation mismatch and count as inside.
    const within = areas.findIndex(
      (a, k) => intersectionArea(g, box, a, areaBoxes[k], () => approximated++) >= area * (1 - NESTED_TOLERANCE),
    );
    overlaps.tiles.forEach((tile, t) => {
      if (tile.length === 0 || !boxesOverlap(box, overlaps.tileBoxes[t])) return;
      const row = overlaps.overlapM2[t];
      const tileArea = overlaps.tileAreaM2[t];
      const tileWithin = row.findIndex((a) => a >= tileArea * (1 - 1e-9));
      const inside = intersectionArea(g, box, tile, overlaps.tileBoxes[t], () => approximated++);
      if (inside <= 0) return;
      const home = within >= 0 ? within : tileWithin;
      if (home >= 0) {
        weights[t][home] += density * inside;
        return;
      }
      // The tile straddles service-area borders: clip the small area to the tile, then to each area.
      let piece: PlanarGeometry | null = null;
      try {
        const r = intersect({ type: 'FeatureCollection', features: [feature(g), feature(tile)] });
        piece = r ? toPlanar(r.geometry) : [];
      } catch {
        piece = null;
      }
      let placed = 0;
      if (piece) {
        const pieceBox = piece.length ? boxOf(piece) : box;
        areas.forEach((a, k) => {
          const m2 = piece!.length ? intersectionArea(piece!, pieceBox, a, areaBoxes[k], () => approximated++) : 0;
          weights[t][k] += density * m2;
          placed += m2;
        });
      } else {
        approximated++;
        sampledPieces(g, box, tile, overlaps.tileBoxes[t], areas, areaBoxes).forEach((m2, k) => {
          weights[t][k] += density * m2;
          placed += m2;
        });
      }
      weights[t][nAreas] += density * Math.max(0, inside - placed);
    });
  }
  return { weights, approximated };
}

/** Self-intersecting rings (left by generalisation) split into simple ones, as buffer(0) would. */
function withoutKinks(g: Boundary): Boundary {
  const out: Position[][][] = [];
  for (const rings of polygonsOf(g)) {
    const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
    if (kinks(f).features.length === 0) {
      out.push(rings);
      continue;
    }
    try {
      for (const piece of unkinkPolygon(f).features) out.push(piece.geometry.coordinates);
    } catch {
      // A ring touching itself at a repeated vertex: both loops keep their winding, so the areas add up as they are.
      out.push(rings);
    }
  }
  return { type: 'MultiPolygon', coordinates: out };
}

/** Square metres of s ∩ t ∩ each area, estimated on a 128 x 128 grid: the fallback when clipping fails. */
function sampledPieces(
  s: PlanarGeometry,
  boxS: Box,
  t: PlanarGeometry,
  boxT: Box,
  areas: readonly PlanarGeometry[],
  areaBoxes: readonly Box[],
): number[] {
  const minX = Math.max(boxS[0], boxT[0]),
    maxX = Math.min(boxS[2], boxT[2]);
  const minY = Math.max(boxS[1], boxT[1]),
    maxY = Math.min(boxS[3], boxT[3]);
  const n = 128;
  const dx = (maxX - minX) / n,
    dy = (maxY - minY) / n;
  const out = areas.map(() => 0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = minX + (i + 0.5) * dx,
        y = minY + (j + 0.5) * dy;
      if (!pointInGeometry(x, y, s) || !pointInGeometry(x, y, t)) continue;
      const k = areas.findIndex(
        (a, q) =>
          x >= areaBoxes[q][0] &&
          x <= areaBoxes[q][2] &&
          y >= areaBoxes[q][1] &&
          y <= areaBoxes[q][3] &&
          pointInGeometry(x, y, a),
      );
      if (k >= 0) out[k] += dx * dy;
    }
  return out;
}
