// Area of every tile (cell or footprint) inside every service area, in square metres. Only
// tile/area pairs whose boxes overlap are intersected; a tile within one area costs no clipping.
import type { Tessellation } from '../geometry';
import { boxOf, groupRings, intersectionArea, type Box, type PlanarGeometry, type Ring } from './planar';

export interface TileOverlaps {
  /** Per tile: its projected geometry and box. */
  readonly tiles: readonly PlanarGeometry[];
  readonly tileBoxes: readonly Box[];
  /** Per tile, square metres. */
  readonly tileAreaM2: Float64Array;
  /** Per tile, per service area: square metres of the tile inside the area. */
  readonly overlapM2: readonly Float64Array[];
  /** Square metres where service areas overlap each other (scaled away so no tile counts twice). */
  readonly doubleCountedM2: number;
}

function tileGeometry(t: Tessellation, s: number): PlanarGeometry {
  const rings: Ring[] = t.cellRings[s].map((ids) => {
    const r = new Float64Array(ids.length * 2);
    ids.forEach((v, i) => {
      r[i * 2] = t.vertexXY[v * 2];
      r[i * 2 + 1] = t.vertexXY[v * 2 + 1];
    });
    return r;
  });
  return groupRings(rings);
}

export function tileOverlaps(
  t: Tessellation,
  areas: readonly PlanarGeometry[],
  areaBoxes: readonly Box[],
): TileOverlaps {
  const tiles = t.sites.map((_, s) => tileGeometry(t, s));
  const tileBoxes = tiles.map(boxOf);
  const tileAreaM2 = Float64Array.from(t.cellAreaKm2, (a) => a * 1e6);
  let doubleCountedM2 = 0;
  const overlapM2 = tiles.map((g, s) => {
    const row = new Float64Array(areas.length);
    if (g.length === 0) return row;
    let sum = 0;
    areas.forEach((a, k) => {
      row[k] = intersectionArea(g, tileBoxes[s], a, areaBoxes[k]);
      sum += row[k];
    });
    // Service areas that overlap each other would count this tile twice: scale to the tile's area.
    if (sum > tileAreaM2[s] * (1 + 1e-6)) {
      doubleCountedM2 += sum - tileAreaM2[s];
      for (let k = 0; k < row.length; k++) row[k] *= tileAreaM2[s] / sum;
    } else if (sum > tileAreaM2[s]) {
      for (let k = 0; k < row.length; k++) row[k] *= tileAreaM2[s] / sum;
    }
    return row;
  });
  return { tiles, tileBoxes, tileAreaM2, overlapM2, doubleCountedM2 };
}
