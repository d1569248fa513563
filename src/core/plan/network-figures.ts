// The one owner of a network's figures at site level: its population, its land pieces (so its
// contiguity) and its Polsby-Popper. The plan's summaries and the cluster's report both ask here,
// over the few mesh fields a full Tessellation and the cluster's lighter one both carry.
import { csrOf, floodFill, type Csr } from '../geometry/flood-fill';
import { polsbyPopper } from '../geometry/polsby-popper';
import { SiteMarks } from '../geometry/site-marks';
import type { Practice } from '../model';
import { hypot } from '../geometry/ring-math';

/** What the figures need of a cell mesh: cells, their areas and their edge adjacency. */
export interface SiteMesh {
  readonly vertexXY: Float64Array;
  readonly cellRings: readonly (readonly Int32Array[])[];
  readonly cellAreaKm2: Float64Array;
  /** Per site: sites sharing an edge of positive length (meshAdjacency's rule). */
  readonly neighbours: readonly Int32Array[];
  /** Shared edge length in metres, parallel to neighbours. */
  readonly sharedEdgeMetres: readonly Float64Array[];
}

export interface SiteFigures {
  /** Connected pieces of the land cells (area > 0) the network owns, joined by shared edges. */
  readonly landPieces: number;
  /** One land piece: the footprint's contiguity, practice-less islands of the study area not counted. */
  readonly contiguous: boolean;
  /** 4πA/P² of the owned cells: area summed, perimeter = cell perimeters minus edges shared inside. */
  readonly polsbyPopper: number;
}

/** Sum of the list sizes of `members` (indices into `practices`), added in the order given. */
export function networkPopulation(members: readonly number[], practices: readonly Practice[]): number {
  let population = 0;
  for (const i of members) population += practices[i].listSize;
  return population;
}

/** Full perimeter of a site's cell (holes included), metres. */
export function cellPerimeterMetres(mesh: Pick<SiteMesh, 'vertexXY' | 'cellRings'>, site: number): number {
  const xy = mesh.vertexXY;
  let perimeter = 0;
  for (const ring of mesh.cellRings[site]) {
    let sum = 0;
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i];
      const b = i + 1 < n ? ring[i + 1] : ring[0];
      sum += hypot(xy[2 * b] - xy[2 * a], xy[2 * b + 1] - xy[2 * a + 1]);
    }
    perimeter += sum;
  }
  return perimeter;
}

const seenSites = new SiteMarks();

const csrCache = new WeakMap<readonly Int32Array[], Csr>();

/**
 * Builds the cell graph the contiguity figures walk, ahead of the first network summarised over
 * `mesh` (a plan evaluated in a worker leaves the page without it: the first edit built it).
 */
export function prepareNetworkFigures(mesh: SiteMesh): void {
  meshCsr(mesh);
}

function meshCsr(mesh: SiteMesh): Csr {
  let g = csrCache.get(mesh.neighbours);
  if (!g) {
    g = csrOf(mesh.neighbours);
    csrCache.set(mesh.neighbours, g);
  }
  return g;
}

/**
 * Figures of the network owning `sites` (ascending). `owns(s)` says whether site s is the
 * network's; `perimeterOf(s)` is cellPerimeterMetres (a caller may pass it precomputed).
 * Example: two land cells sharing an edge give one land piece, contiguous.
 */
export function siteFigures(
  mesh: SiteMesh,
  sites: readonly number[],
  owns: (site: number) => boolean,
  perimeterOf: (site: number) => number = (s) => cellPerimeterMetres(mesh, s),
): SiteFigures {
  let area = 0;
  let perimeter = 0;
  for (const s of sites) {
    area += mesh.cellAreaKm2[s] * 1e6;
    perimeter += perimeterOf(s);
    const nb = mesh.neighbours[s];
    const shared = mesh.sharedEdgeMetres[s];
    for (let e = 0; e < nb.length; e++) if (owns(nb[e])) perimeter -= shared[e];
  }
  const land = (s: number) => mesh.cellAreaKm2[s] * 1e6 > 0;
  const seen = seenSites;
  seen.clear(mesh.cellRings.length);
  const graph = meshCsr(mesh);
  const stack: number[] = [];
  let landPieces = 0;
  for (const s of sites) {
    if (seen.has(s) || !land(s)) continue;
    landPieces++;
    seen.add(s);
    floodFill(
      graph,
      s,
      (v) => {
        if (seen.has(v) || !owns(v) || !land(v)) return false;
        seen.add(v);
        return true;
      },
      stack,
    );
  }
  return { landPieces, contiguous: landPieces === 1, polsbyPopper: polsbyPopper(area, perimeter) };
}
