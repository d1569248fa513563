// Hand-made tessellations for clustering tests: a grid of square cells (1 km), some missing,
// some holding several co-located practices, optionally one practice whose cell misses the area.
import { practiceCode, type Practice } from '../../../src/core/model';
import type { ClusterTessellation } from '../../../src/core/cluster';

const CELL_METRES = 1000;

export interface GridInstance {
  readonly practices: Practice[];
  readonly tessellation: ClusterTessellation;
}

export interface GridSpec {
  readonly width: number;
  readonly height: number;
  /** Per cell (row-major): list sizes of the practices there; an empty list = no cell. */
  readonly cells: readonly (readonly number[])[];
  /** List sizes of practices with no cell (just outside the area), placed beside the grid. */
  readonly outside?: readonly number[];
}

const lonOf = (x: number) => x / 100_000;
const latOf = (y: number) => 50 + y / 100_000;

export function gridInstance(spec: GridSpec): GridInstance {
  const { width, height } = spec;
  const practices: Practice[] = [];
  const sites: { lon: number; lat: number; x: number; y: number; practices: number[] }[] = [];
  const cellRings: Int32Array[][] = [];
  const siteOfCell = new Int32Array(width * height).fill(-1);
  const vertexXY = new Float64Array((width + 1) * (height + 1) * 2);
  for (let j = 0; j <= height; j++) {
    for (let i = 0; i <= width; i++) {
      const v = j * (width + 1) + i;
      vertexXY[2 * v] = i * CELL_METRES;
      vertexXY[2 * v + 1] = j * CELL_METRES;
    }
  }
  const vid = (i: number, j: number) => j * (width + 1) + i;
  const addSite = (x: number, y: number, sizes: readonly number[], rings: Int32Array[]) => {
    const members: number[] = [];
    for (const listSize of sizes) {
      const k = practices.length;
      practices.push({
        code: practiceCode(`P${String(k).padStart(4, '0')}`),
        name: `Practice ${k}`,
        listSize,
        lon: lonOf(x),
        lat: latOf(y),
      });
      members.push(k);
    }
    sites.push({ lon: lonOf(x), lat: latOf(y), x, y, practices: members });
    cellRings.push(rings);
    return sites.length - 1;
  };
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const sizes = spec.cells[j * width + i];
      if (!sizes.length) continue;
      const ring = Int32Array.from([vid(i, j), vid(i + 1, j), vid(i + 1, j + 1), vid(i, j + 1)]);
      siteOfCell[j * width + i] = addSite((i + 0.5) * CELL_METRES, (j + 0.5) * CELL_METRES, sizes, [ring]);
    }
  }
  (spec.outside ?? []).forEach((size, k) => addSite(-CELL_METRES * (k + 1), 0.5 * CELL_METRES, [size], []));

  const neighbours: Int32Array[] = [];
  const shared: Float64Array[] = [];
  const cellOfSite = new Map<number, number>();
  siteOfCell.forEach((s, c) => s !== -1 && cellOfSite.set(s, c));
  for (let s = 0; s < sites.length; s++) {
    const c = cellOfSite.get(s);
    const nb: number[] = [];
    if (c !== undefined) {
      const i = c % width;
      const j = Math.floor(c / width);
      for (const [di, dj] of [
        [-1, 0],
        [1, 0],
        [0, -1],
        [0, 1],
      ]) {
        const ni = i + di;
        const nj = j + dj;
        if (ni < 0 || nj < 0 || ni >= width || nj >= height) continue;
        const o = siteOfCell[nj * width + ni];
        if (o !== -1) nb.push(o);
      }
    }
    nb.sort((a, b) => a - b);
    neighbours.push(Int32Array.from(nb));
    shared.push(new Float64Array(nb.length).fill(CELL_METRES));
  }
  const siteOfPractice = new Int32Array(practices.length);
  sites.forEach((site, s) => site.practices.forEach((k) => (siteOfPractice[k] = s)));
  return {
    practices,
    tessellation: {
      projection: { forward: (lon: number, lat: number): [number, number] => [lon * 100_000, (lat - 50) * 100_000] },
      sites,
      siteOfPractice,
      vertexXY,
      cellRings,
      cellAreaKm2: Float64Array.from(cellRings, (r) => (r.length ? (CELL_METRES * CELL_METRES) / 1e6 : 0)),
      neighbours,
      sharedEdgeMetres: shared,
    },
  };
}

/** A random grid from a seeded source: `rand()` in [0,1). */
export function randomGridSpec(
  rand: () => number,
  opts: { holes?: number; bigPractice?: number; outside?: boolean } = {},
): GridSpec {
  const width = 3 + Math.floor(rand() * 12);
  const height = 3 + Math.floor(rand() * 12);
  const cells: number[][] = [];
  for (let c = 0; c < width * height; c++) {
    if (rand() < (opts.holes ?? 0.1)) {
      cells.push([]);
      continue;
    }
    const count = rand() < 0.15 ? 2 : 1;
    const sizes: number[] = [];
    for (let k = 0; k < count; k++) {
      sizes.push(
        rand() < (opts.bigPractice ?? 0.01)
          ? 50_001 + Math.floor(rand() * 30_000)
          : 1_000 + Math.floor(rand() * 11_000),
      );
    }
    cells.push(sizes);
  }
  return { width, height, cells, outside: opts.outside ? [2_000 + Math.floor(rand() * 5_000)] : [] };
}
