// A list of (Multi)Polygon geometries as flat typed arrays, to move between threads by transfer
// instead of structured clone (cloning nested coordinate arrays costs ~100 ms for a national plan's
// footprints; rebuilding them from the arrays a few ms).
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface PackedPolygons {
  /** Per geometry: 0 null, 1 Polygon, 2 MultiPolygon. */
  readonly kind: Uint8Array;
  /** Geometry g's polygons are polygonStart[g] .. polygonStart[g + 1]. */
  readonly polygonStart: Int32Array;
  /** Polygon p's rings are ringStart[p] .. ringStart[p + 1]. */
  readonly ringStart: Int32Array;
  /** Ring r's positions are positionStart[r] .. positionStart[r + 1]. */
  readonly positionStart: Int32Array;
  /** [x0, y0, x1, y1, ...]. */
  readonly coordinates: Float64Array;
}

const KIND = { none: 0, polygon: 1, multi: 2 } as const;

export function packPolygons(geometries: readonly (Polygon | MultiPolygon | null)[]): PackedPolygons {
  const kind = new Uint8Array(geometries.length);
  const polygonsOf = (g: Polygon | MultiPolygon | null): Position[][][] =>
    g === null ? [] : g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let polygons = 0,
    rings = 0,
    positions = 0;
  for (const g of geometries) {
    for (const poly of polygonsOf(g)) {
      polygons++;
      rings += poly.length;
      for (const ring of poly) positions += ring.length;
    }
  }
  const polygonStart = new Int32Array(geometries.length + 1);
  const ringStart = new Int32Array(polygons + 1);
  const positionStart = new Int32Array(rings + 1);
  const coordinates = new Float64Array(positions * 2);
  let p = 0,
    r = 0,
    c = 0;
  geometries.forEach((g, i) => {
    kind[i] = g === null ? KIND.none : g.type === 'Polygon' ? KIND.polygon : KIND.multi;
    for (const poly of polygonsOf(g)) {
      for (const ring of poly) {
        for (const pos of ring) {
          coordinates[c * 2] = pos[0];
          coordinates[c * 2 + 1] = pos[1];
          c++;
        }
        positionStart[++r] = c;
      }
      ringStart[++p] = r;
    }
    polygonStart[i + 1] = p;
  });
  return { kind, polygonStart, ringStart, positionStart, coordinates };
}

/** Geometry i of the packed list, as GeoJSON (equal to the one packed). */
export function unpackPolygon(packed: PackedPolygons, i: number): Polygon | MultiPolygon | null {
  const { kind, polygonStart, ringStart, positionStart, coordinates } = packed;
  if (kind[i] === KIND.none) return null;
  const polygons: Position[][][] = [];
  for (let p = polygonStart[i]; p < polygonStart[i + 1]; p++) {
    const rings: Position[][] = [];
    for (let r = ringStart[p]; r < ringStart[p + 1]; r++) {
      const ring: Position[] = new Array(positionStart[r + 1] - positionStart[r]);
      for (let c = positionStart[r]; c < positionStart[r + 1]; c++)
        ring[c - positionStart[r]] = [coordinates[c * 2], coordinates[c * 2 + 1]];
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return kind[i] === KIND.polygon
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}
