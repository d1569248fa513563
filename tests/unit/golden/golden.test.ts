// Golden fixtures: each case is a folder with `in.geojson` (the inputs, one FeatureCollection whose
// features say what they are in `role`) beside `out.geojson` (what the core makes of them). Both
// carry simplestyle properties (stroke, fill, marker-color) so they open as a picture in
// geojson.io or QGIS. Numbers are compared at 6 decimals. `out.geojson` is only ever written on
// purpose: `REGEN=1 npx vitest run tests/unit/golden`, then look at the diff before committing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { alignServices, parseServiceAreas, toAlignedGeoJSON } from '../../../src/core/align';
import { buildTessellation, cellGeometry } from '../../../src/core/geometry';
import {
  assignmentFromTable,
  exportGeometry,
  parseBoundary,
  parsePractices,
  toNetworksGeoJSON,
} from '../../../src/core/io';
import { DEFAULT_BAND, type Boundary, type Result } from '../../../src/core/model';
import { evaluatePlan } from '../../../src/core/plan';
import {
  buildSmallAreaContext,
  evaluateSmallAreaPlan,
  parseSmallAreaLayer,
  readRegistrations,
} from '../../../src/core/small-areas';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REGEN = process.env.REGEN === '1';
/** Colour-blind-safe fills (Okabe-Ito), by index. */
const FILLS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#999999'];
const fill = (k: number) => FILLS[k % FILLS.length];

type Input = FeatureCollection<Geometry, Record<string, unknown>>;
type Output = { type: 'FeatureCollection'; features: Feature<Geometry | null>[] };

function ok<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

/** The features of one role as the text of a file, so the production parsers read them. */
function roleText(input: Input, role: string): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: input.features.filter((f) => f.properties.role === role),
  });
}

function readInput(input: Input) {
  const table = ok(parsePractices(roleText(input, 'practice'), 'practices'), 'practices');
  const boundary: Boundary = ok(parseBoundary(roleText(input, 'boundary'), 'boundary'), 'boundary');
  return { table, boundary, ...assignmentFromTable(table) };
}

/** Voronoi cells clipped to the boundary: one feature per site. */
function cells(input: Input): Output {
  const { table, boundary } = readInput(input);
  const t = buildTessellation(table.practices, boundary);
  const features: Feature<Geometry | null>[] = t.sites.map((site, k) => ({
    type: 'Feature',
    properties: {
      site: k,
      practice_codes: site.practices.map((i) => table.practices[i].code).join(';'),
      area_km2: t.cellAreaKm2[k],
      neighbours: [...t.neighbours[k]].join(';'),
      stroke: '#000000',
      'stroke-width': 1,
      fill: fill(k),
      'fill-opacity': 0.5,
    },
    geometry: cellGeometry(t, k),
  }));
  return { type: 'FeatureCollection', features };
}

/** Network footprints exactly as the networks GeoJSON export writes them, styled. */
function footprints(input: Input): Output {
  const { table, boundary, networks, assignment } = readInput(input);
  const t = buildTessellation(table.practices, boundary);
  const plan = evaluatePlan({ practices: table.practices, networks, assignment, band: DEFAULT_BAND }, t);
  const fc = toNetworksGeoJSON(plan.networks.values(), DEFAULT_BAND);
  const features = fc.features.map((f, k) => ({
    ...f,
    properties: { ...f.properties, stroke: '#000000', 'stroke-width': 2, fill: fill(k), 'fill-opacity': 0.5 },
  }));
  return { type: 'FeatureCollection', features };
}

/** Service areas redrawn around the networks (cell-level apportionment), and each network's home. */
function align(input: Input): Output {
  const { table, boundary, networks, assignment } = readInput(input);
  const plan = evaluatePlan(
    { practices: table.practices, networks, assignment, band: DEFAULT_BAND },
    buildTessellation(table.practices, boundary),
  );
  const services = ok(parseServiceAreas(roleText(input, 'service_area'), 'services', 'name'), 'services');
  const result = ok(alignServices({ serviceAreas: services.areas, plan }), 'align');
  const areas = toAlignedGeoJSON(result).features.map((f, k) => ({
    ...f,
    properties: { ...f.properties, stroke: fill(k), 'stroke-width': 4, fill: fill(k), 'fill-opacity': 0.3 },
  }));
  const homes = result.networks.map((n) => ({
    type: 'Feature' as const,
    properties: {
      network_id: n.id,
      home_service_area: n.home,
      home_share: n.homeShare,
      split: n.split,
      overlaps: n.overlaps.map((o) => `${o.serviceArea}:${o.populationShare.toFixed(6)}`).join(';'),
      stroke: n.split ? '#d55e00' : '#000000',
      'stroke-width': n.split ? 3 : 1,
      'fill-opacity': 0,
    },
    geometry: exportGeometry(plan.networks.get(n.id)?.geometry ?? null),
  }));
  return { type: 'FeatureCollection', features: [...areas, ...homes] };
}

/**
 * Footprints from small areas: each area to the network whose practices have most patients living
 * there (from each practice's `patients_by_area`, "CODE:count;CODE:count"), else the nearest practice's.
 */
function smallAreas(input: Input): Output {
  const table = ok(parsePractices(roleText(input, 'practice'), 'practices'), 'practices');
  const { networks, assignment } = assignmentFromTable(table);
  const layer = ok(parseSmallAreaLayer(roleText(input, 'small_area'), 'areas', 'area_code'), 'small areas');
  const rows = input.features.flatMap((f) =>
    String(f.properties.patients_by_area ?? '')
      .split(';')
      .filter(Boolean)
      .map((pair) => `${f.properties.practice_code},${pair.replace(':', ',')}`),
  );
  const registrations = rows.length
    ? ok(
        readRegistrations(['PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS', ...rows].join('\n'), 'registrations'),
        'registrations',
      )
    : null;
  const context = buildSmallAreaContext({ layer, practices: table.practices, registrations }).context;
  const plan = evaluateSmallAreaPlan({ practices: table.practices, networks, assignment, band: DEFAULT_BAND }, context);
  const features = toNetworksGeoJSON(plan.networks.values(), DEFAULT_BAND).features.map((f, k) => ({
    ...f,
    properties: { ...f.properties, stroke: '#000000', 'stroke-width': 2, fill: fill(k), 'fill-opacity': 0.5 },
  }));
  return { type: 'FeatureCollection', features };
}

const KINDS: Record<string, (input: Input) => Output> = { cells, footprints, align, 'small-areas': smallAreas };

/** Every number rounded to 6 decimals (-0 as 0), so the comparison ignores float noise below that. */
function round6(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6 + 0;
  if (Array.isArray(value)) return value.map(round6);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round6(v)]));
  return value;
}

/** One feature per line: small diffs, still valid GeoJSON. */
const serialise = (fc: Output) =>
  `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(round6(f))).join(',\n')}\n]}\n`;

for (const [kind, run] of Object.entries(KINDS)) {
  const dir = path.join(HERE, kind);
  describe(`golden ${kind}`, () => {
    for (const name of readdirSync(dir).sort()) {
      it(name, () => {
        const input = JSON.parse(readFileSync(path.join(dir, name, 'in.geojson'), 'utf8')) as Input;
        const actual = serialise(run(input));
        const outFile = path.join(dir, name, 'out.geojson');
        if (REGEN) writeFileSync(outFile, actual);
        expect(existsSync(outFile), `${outFile} is missing: run REGEN=1 npx vitest run tests/unit/golden`).toBe(true);
        expect(JSON.parse(actual)).toEqual(round6(JSON.parse(readFileSync(outFile, 'utf8'))));
      });
    }
  });
}
