// A cell clipped by an irregular boundary can fall into several pieces (a headland cut off by an
// inlet). Pieces away from the practice would make any network holding it non-contiguous, so
// every such fragment joins a cell it shares an edge with, growing outwards from the pieces that
// hold a practice (each takes the neighbour with the longest shared edge): every cell on land
// reachable from practices is then one piece. Pieces of an island of the study area that holds
// no practice cannot be reached over land; the whole island goes to one cell (the one that had
// most of it), and its edges are reported so footprints can say which parts are such islands.
// Same idea as catchment tools that "dissolve slivers".
import type { IdPolygon } from './build-rings';
import { EdgeSites, sharedEdges } from './edge-sites';
import { normaliseCell } from './normalise-cell';
import { pointInRingIds, signedAreaOfIds } from './ring-math';
import type { Site } from './sites';

export interface ReattachedCells {
  /** Per site: rings of vertex ids, shells CCW and holes CW, each cell's pieces merged. */
  readonly cellRings: Int32Array[][];
  /** Directed edge keys (from * nV + to) of the boundaries of islands that hold no practice. */
  readonly islandEdges: Set<number>;
}

/** `cells[site]`: the site's clipped pieces (OGC-valid polygons). Never modifies its inputs. */
export function reattachFragments(
  cells: readonly IdPolygon[][],
  sites: readonly Site[],
  xy: Float64Array,
  nV: number,
): ReattachedCells {
  const islandEdges = new Set<number>();
  // Nearly every cell is one piece: its polygon's rings are its rings.
  if (!cells.some((polys) => polys.length > 1))
    return { cellRings: cells.map((polys) => (polys.length === 1 ? polys[0] : [])), islandEdges };
  const pieceSite: number[] = [];
  const pieces: IdPolygon[] = [];
  const firstPiece: number[] = [];
  cells.forEach((polys, s) => {
    firstPiece.push(pieces.length);
    polys.forEach((p) => {
      pieces.push(p);
      pieceSite.push(s);
    });
  });

  const owner = new Int32Array(pieces.length).fill(-1);
  const areas = pieces.map((p) => signedAreaOfIds(p[0], xy));
  cells.forEach((polys, s) => {
    if (polys.length === 0) return;
    const first = firstPiece[s];
    let main = polys.findIndex((p) => pointInRingIds(sites[s].x, sites[s].y, p[0], xy));
    if (main < 0) main = polys.reduce((best, _, k) => (areas[first + k] > areas[first + best] ? k : best), 0);
    owner[first + main] = s;
  });
  const links = pieceLinks(pieces, owner, xy, nV);
  growFromMainPieces(owner, links);
  for (const group of unreached(owner, links)) {
    const largest = group.reduce((best, p) => (areas[p] > areas[best] ? p : best), group[0]);
    for (const p of group) {
      owner[p] = pieceSite[largest];
      for (const r of pieces[p]) for (let i = 0; i < r.length; i++) islandEdges.add(r[i] * nV + r[(i + 1) % r.length]);
    }
  }
  const owned: IdPolygon[][] = cells.map(() => []);
  pieces.forEach((p, k) => owned[owner[k]].push(p));
  const cellRings = owned.map((polys, s) => {
    const moved = polys.length !== cells[s].length || polys.some((p, k) => p !== cells[s][k]);
    return (moved && polys.length > 1 ? normaliseCell(polys.flat(), xy, nV) : polys).flat();
  });
  return { cellRings, islandEdges };
}

/** Per fragment (piece with no owner yet): neighbouring pieces and the length of edge shared with each, metres. */
function pieceLinks(
  pieces: readonly IdPolygon[],
  owner: Int32Array,
  xy: Float64Array,
  nV: number,
): Map<number, number>[] {
  const edgePiece = new EdgeSites(pieces, nV);
  const others: number[] = [];
  const lengths: number[] = [];
  return pieces.map((p, k) => {
    const shared = new Map<number, number>();
    if (owner[k] >= 0) return shared;
    sharedEdges(p, k, edgePiece, xy, others, lengths);
    others.forEach((o, m) => shared.set(o, lengths[m]));
    return shared;
  });
}

/** Waves outwards from owned pieces: an unowned piece joins the owner it shares most edge with. */
function growFromMainPieces(owner: Int32Array, links: readonly Map<number, number>[]): void {
  let frontier = true;
  while (frontier) {
    frontier = false;
    const joins: [number, number][] = [];
    for (let p = 0; p < owner.length; p++) {
      if (owner[p] >= 0) continue;
      const bySite = new Map<number, number>();
      for (const [q, len] of links[p]) if (owner[q] >= 0) bySite.set(owner[q], (bySite.get(owner[q]) ?? 0) + len);
      let best = -1,
        bestLen = -1;
      for (const [s, len] of bySite)
        if (len > bestLen || (len === bestLen && s < best)) {
          best = s;
          bestLen = len;
        }
      if (best >= 0) joins.push([p, best]);
    }
    for (const [p, s] of joins) owner[p] = s;
    frontier = joins.length > 0;
  }
}

/** Connected groups of the pieces no practice's piece reaches. */
function unreached(owner: Int32Array, links: readonly Map<number, number>[]): number[][] {
  const seen = new Uint8Array(owner.length);
  const groups: number[][] = [];
  for (let p = 0; p < owner.length; p++) {
    if (owner[p] >= 0 || seen[p]) continue;
    const group = [p];
    seen[p] = 1;
    for (let i = 0; i < group.length; i++) {
      for (const q of links[group[i]].keys())
        if (!seen[q] && owner[q] < 0) {
          seen[q] = 1;
          group.push(q);
        }
    }
    groups.push(group);
  }
  return groups;
}
