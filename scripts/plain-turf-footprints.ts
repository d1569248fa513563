// The national footprints job done the plain way, for `npm run bench` to compare with
// `pcn footprints` as whole processes. It does the same job and writes the same kind of output:
// papaparse reads the practices CSV; turf.union dissolves the boundary's polygons into one area;
// turf.voronoi (in degrees, over the distinct points, in the boundary's box) gives the cells;
// turf.union joins each network's cells and turf.intersect clips the footprint to the area (one
// intersect per network: the same result as clipping every cell first, with fewer calls); then
// one GeoJSON feature per network with its population, practice count and area.
// Usage (compiled by scripts/bench-cli.ts):
//   node plain-turf.js PRACTICES.csv BOUNDARY.geojson NETWORK_FIELD OUT.geojson
import { readFileSync, writeFileSync } from 'node:fs';
import { area, bbox, featureCollection, intersect, point, union, voronoi } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import Papa from 'papaparse';

const [practicesFile, boundaryFile, networkField, outFile] = process.argv.slice(2);
const rows = Papa.parse<Record<string, string>>(readFileSync(practicesFile, 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
const boundaryIn = JSON.parse(readFileSync(boundaryFile, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const boundary = boundaryIn.features.length > 1 ? union(boundaryIn) : boundaryIn.features[0];
if (!boundary) throw new Error(`${boundaryFile}: no area`);

const seen = new Map<string, number>();
const points = rows.flatMap((r) => {
  const key = `${r.longitude},${r.latitude}`;
  if (seen.has(key)) return [];
  seen.set(key, seen.size);
  return [point([Number(r.longitude), Number(r.latitude)])];
});
const [x0, y0, x1, y1] = bbox(featureCollection<Polygon | MultiPolygon | Point>([boundary, ...points]));
const cells = voronoi(featureCollection(points), { bbox: [x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5] });

const members = new Map<string, { cells: Feature<Polygon>[]; population: number; practices: number }>();
for (const r of rows) {
  const id = r[networkField];
  const cell = cells.features[seen.get(`${r.longitude},${r.latitude}`)!];
  if (!id || id === 'U' || !cell) continue;
  const m = members.get(id) ?? { cells: [], population: 0, practices: 0 };
  if (!m.cells.includes(cell)) m.cells.push(cell);
  m.population += Number(r.registered_patients) || 0;
  m.practices++;
  members.set(id, m);
}
const features: Feature<Polygon | MultiPolygon | null>[] = [];
for (const [id, m] of members) {
  const joined = m.cells.length > 1 ? union(featureCollection<Polygon | MultiPolygon>(m.cells)) : m.cells[0];
  const clipped = joined ? intersect(featureCollection<Polygon | MultiPolygon>([joined, boundary])) : null;
  features.push({
    type: 'Feature',
    properties: {
      network_id: id,
      population: m.population,
      practice_count: m.practices,
      area_km2: clipped ? area(clipped) / 1e6 : 0,
    },
    geometry: clipped?.geometry ?? null,
  });
}
writeFileSync(outFile, JSON.stringify({ type: 'FeatureCollection', features }));
process.stdout.write(`${features.length} networks\n`);
