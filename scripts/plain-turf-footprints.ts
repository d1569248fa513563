// The national footprints job done the plain way, for `npm run bench` to compare with
// `pcn footprints` as whole processes: papaparse reads the practices CSV, turf.voronoi (in
// degrees, over the distinct points) gives the cells, turf.union joins each network's cells, and
// the result is written as GeoJSON. No clipping to a boundary (turf.intersect per cell would add
// about 18 ms a cell), so this is the cheapest plain-Turf version of the job.
// Usage (compiled by scripts/bench-cli.ts): node plain-turf.js PRACTICES.csv NETWORK_FIELD OUT.geojson
import { readFileSync, writeFileSync } from 'node:fs';
import { area, featureCollection, point, union, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';

const [practicesFile, networkField, outFile] = process.argv.slice(2);
const rows = Papa.parse<Record<string, string>>(readFileSync(practicesFile, 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
const seen = new Map<string, number>();
const points = rows.flatMap((r) => {
  const key = `${r.longitude},${r.latitude}`;
  if (seen.has(key)) return [];
  seen.set(key, seen.size);
  return [point([Number(r.longitude), Number(r.latitude)])];
});
const cells = voronoi(featureCollection(points), { bbox: [-6.5, 49.8, 2.0, 55.9] });
const members = new Map<string, { cells: Feature<Polygon>[]; population: number }>();
for (const r of rows) {
  const id = r[networkField];
  const cell = cells.features[seen.get(`${r.longitude},${r.latitude}`)!];
  if (!id || id === 'U' || !cell) continue;
  const m = members.get(id) ?? { cells: [], population: 0 };
  if (!m.cells.includes(cell)) m.cells.push(cell);
  m.population += Number(r.registered_patients) || 0;
  members.set(id, m);
}
const features: Feature<Polygon | MultiPolygon>[] = [];
for (const [id, m] of members) {
  const joined = m.cells.length > 1 ? union(featureCollection<Polygon | MultiPolygon>(m.cells)) : m.cells[0];
  if (!joined) continue;
  features.push({
    type: 'Feature',
    properties: { network_id: id, population: m.population, area_km2: area(joined) / 1e6 },
    geometry: joined.geometry,
  });
}
writeFileSync(outFile, JSON.stringify(featureCollection(features)));
process.stdout.write(`${features.length} networks\n`);
