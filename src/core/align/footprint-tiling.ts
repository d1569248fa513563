// When only a networks GeoJSON is given (no practices to rebuild cells from), the network
// footprints themselves are the tiles. They came out of the engine with shared vertices written
// identically on both sides, so keying vertices by their 6-decimal position gives a tiling the
// core dissolveSites can join by edge cancellation, exactly as it joins cells.
import { createProjection, dissolveSites, type Tessellation } from '../geometry';
import type { Site } from '../geometry';
import { meshAdjacency } from '../geometry/edge-sites';
import { polygonsOf } from '../geometry/polygons';
import { signedAreaOfIds } from '../geometry/ring-math';
import type { AlignNetwork } from './types';

const key = (lon: number, lat: number) => `${Math.round(lon * 1e6)},${Math.round(lat * 1e6)}`;

/** A Tessellation whose site k is network k's footprint (empty rings for a network with no geometry). */
export function footprintTiling(networks: readonly AlignNetwork[]): Tessellation {
  const index = new Map<string, number>();
  const lonLat: number[] = [];
  const ringsLonLat = networks.map((n) => {
    if (!n.geometry) return [];
    return polygonsOf(n.geometry)
      .flat()
      .map((ring) => {
        const ids: number[] = [];
        const open =
          ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]
            ? ring.slice(0, -1)
            : ring;
        for (const [lon, lat] of open) {
          const k = key(lon, lat);
          let id = index.get(k);
          if (id === undefined) {
            id = lonLat.length / 2;
            index.set(k, id);
            lonLat.push(lon, lat);
          }
          if (ids[ids.length - 1] !== id) ids.push(id);
        }
        while (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
        return ids;
      });
  });
  const pairs: [number, number][] = [];
  for (let i = 0; i < lonLat.length; i += 2) pairs.push([lonLat[i], lonLat[i + 1]]);
  const projection = createProjection(pairs);
  const nV = pairs.length;
  const vertexXY = new Float64Array(nV * 2);
  pairs.forEach(([lon, lat], v) => {
    const [x, y] = projection.forward(lon, lat);
    vertexXY[v * 2] = x;
    vertexXY[v * 2 + 1] = y;
  });
  const cellRings = ringsLonLat.map((rings) => rings.filter((r) => r.length >= 3).map((r) => Int32Array.from(r)));
  const cellAreaKm2 = Float64Array.from(
    cellRings,
    (rings) => rings.reduce((a, r) => a + signedAreaOfIds(r, vertexXY), 0) / 1e6,
  );
  const { edgeSite, neighbours, sharedEdgeMetres } = meshAdjacency(cellRings, vertexXY, nV);
  const sites: Site[] = cellRings.map((rings) => {
    const outer = rings[0];
    let x = 0,
      y = 0;
    for (const v of outer ?? []) {
      x += vertexXY[v * 2];
      y += vertexXY[v * 2 + 1];
    }
    const n = Math.max(1, outer?.length ?? 0);
    const [lon, lat] = projection.inverse(x / n, y / n);
    return { lon, lat, x: x / n, y: y / n, practices: [] };
  });
  const partial = {
    projection,
    sites,
    siteOfPractice: new Int32Array(0),
    vertexXY,
    vertexLonLat: Float64Array.from(lonLat),
    cellRings,
    cellAreaKm2,
    neighbours,
    sharedEdgeMetres,
    edgeSite,
    islandEdges: new Set<number>(),
    areaGeometry: { type: 'MultiPolygon' as const, coordinates: [] },
    areaKm2: cellAreaKm2.reduce((a, b) => a + b, 0),
  };
  const all = dissolveSites(
    partial,
    sites.map((_, s) => s),
  );
  return { ...partial, areaGeometry: all.geometry ?? partial.areaGeometry };
}
