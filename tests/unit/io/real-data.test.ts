// Real NHS Digital / ONS data from ../shared/data (see its PROVENANCE.md); read in place, never copied.
import { area } from '@turf/turf';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { assignmentFromTable } from '../../../src/core/io/assignment-from-table';
import { parseBoundary } from '../../../src/core/io/parse-boundary';
import { parsePractices } from '../../../src/core/io/parse-practices';
import { practicesOutsideBoundary } from '../../../src/core/io/practices-outside-boundary';
import { polygonsOf } from '../../../src/core/geometry/polygons';
import type { Boundary, Practice } from '../../../src/core/model';
import { messages, readShared, valueOf } from './helpers';

const total = (ps: readonly Practice[]) => ps.reduce((s, p) => s + p.listSize, 0);
const areaKm2 = (b: Boundary) => area({ type: 'Feature', properties: {}, geometry: b }) / 1e6;
const featureAreaKm2 = (file: string) =>
  JSON.parse(readShared(file)).features.reduce((s: number, f: Parameters<typeof area>[0]) => s + area(f), 0) / 1e6;

describe('national practice table, January 2022', () => {
  const csv = parsePractices(readShared('england_practices_2022-01.csv'), 'england_practices_2022-01.csv');
  const table = valueOf(csv);

  it('reads all 6,452 practices with the list sizes the file holds', () => {
    expect(table.practices).toHaveLength(6452);
    // PROVENANCE's 61,469,262 is the full publication; this file lacks the 75 practices of CCG 70F.
    expect(total(table.practices)).toBe(60_547_896);
    const sizes = table.practices.map((p) => p.listSize);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(108_789);
    expect(table.fields).toMatchObject({
      code: 'practice_code',
      name: 'practice_name',
      listSize: 'registered_patients',
      lon: 'longitude',
      lat: 'latitude',
      network: 'pcn_code',
      networkName: 'pcn_name',
    });
  });

  it('warns once per practice with pcn_code "U" (68, capped at 20 plus a count)', () => {
    const noNetwork = messages(csv.warnings.filter((w) => w.code === 'noNetwork' && w.omitted === undefined));
    expect(noNetwork).toHaveLength(20);
    expect(noNetwork[0]).toMatch(
      /^england_practices_2022-01\.csv line \d+ \([A-Z]\d{5}\): no network \(pcn_code is "U", unallocated\)$/,
    );
    expect(messages(csv.warnings)).toContain('england_practices_2022-01.csv: …and 48 more practices with no network');
    expect(table.networkOf?.size).toBe(6452 - 68);
  });

  it('gives the 1,234 PCNs with the populations of england_pcns_2022-01.csv', () => {
    const { assignment, networks } = assignmentFromTable(table);
    expect(networks).toHaveLength(1234);
    const population = new Map<string, number>();
    for (const p of table.practices) {
      const n = assignment.get(p.code);
      if (n) population.set(n, (population.get(n) ?? 0) + p.listSize);
    }
    const pcns = Papa.parse<Record<string, string>>(readShared('england_pcns_2022-01.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const real = pcns.filter((r) => r.pcn_code !== 'U');
    expect(real).toHaveLength(1234);
    for (const r of real) expect(population.get(r.pcn_code)).toBe(Number(r.registered_patients));
    expect(networks.find((n) => n.id === real[0].pcn_code)?.name).toBe(real[0].pcn_name);
  });

  it('reads the GeoJSON version to the same practices and networks', () => {
    const geo = valueOf(
      parsePractices(readShared('england_practices_2022-01.geojson'), 'england_practices_2022-01.geojson'),
    );
    expect(geo.practices).toEqual(table.practices);
    expect(geo.networkOf).toEqual(table.networkOf);
  });
});

describe('Greater Manchester and Trafford', () => {
  const gm = valueOf(parsePractices(readShared('gm_practices_2022-01.csv'), 'gm_practices_2022-01.csv'));

  it('reads 426 GM practices in 67 PCNs, CSV and GeoJSON alike', () => {
    expect(gm.practices).toHaveLength(426);
    expect(total(gm.practices)).toBe(3_182_014);
    expect(assignmentFromTable(gm).networks).toHaveLength(67);
    const geo = valueOf(parsePractices(readShared('gm_practices_2022-01.geojson'), 'gm_practices_2022-01.geojson'));
    expect(geo.practices).toEqual(gm.practices);
  });

  it('reads the Trafford file with its different columns; the network field can be named', () => {
    const text = readShared('trafford_practices_2026-01.csv');
    const plain = parsePractices(text, 'trafford_practices_2026-01.csv');
    const t = valueOf(plain);
    expect(t.practices).toHaveLength(26);
    expect(total(t.practices)).toBe(248_911);
    expect(t.networkOf).toBeUndefined();
    expect(plain.warnings).toEqual([]);
    const byPcn = valueOf(
      parsePractices(text, 'trafford.csv', {
        fields: { network: 'pcn_code_2022_01', networkName: 'PCN_NAME_2022_01' },
      }),
    );
    expect(assignmentFromTable(byPcn).networks).toHaveLength(5);
    const byLocality = assignmentFromTable(
      valueOf(parsePractices(text, 'trafford.csv', { fields: { network: 'locality' } })),
    );
    expect(byLocality.networks.map((n) => n.id).sort()).toEqual(['Central', 'North', 'South', 'West']);
  });

  it('finds exactly the 5 Glossop practices outside the Greater Manchester boundary', () => {
    const boundary = valueOf(parseBoundary(readShared('gm_combined_authority_2023_bfc.geojson'), 'gm_ca.geojson'));
    const before = structuredClone(boundary);
    const outside = practicesOutsideBoundary(gm.practices, boundary, 'gm_practices_2022-01.csv');
    expect(outside.map((i) => i.practiceCode)).toEqual(['C81077', 'C81081', 'C81106', 'C81615', 'C81640']);
    expect(outside[0].message).toMatch(
      /^gm_practices_2022-01\.csv \(C81077\): practice C81077 \(.+\) at -1\.\d+, 53\.\d+ lies outside the boundary$/,
    );
    expect(boundary).toEqual(before);
  });
});

describe('real boundaries', () => {
  it('GM combined authority (full resolution): one Polygon, 1,271.6 km2, no repair needed', () => {
    const r = parseBoundary(readShared('gm_combined_authority_2023_bfc.geojson'), 'gm_ca.geojson');
    const b = valueOf(r);
    expect(r.warnings).toEqual([]);
    expect(b.type).toBe('Polygon');
    expect(areaKm2(b)).toBeCloseTo(featureAreaKm2('gm_combined_authority_2023_bfc.geojson'), 3);
  });

  it('the 10 GM boroughs dissolve to one Polygon with the combined authority area', () => {
    const b = valueOf(parseBoundary(readShared('gm_local_authorities_2023_bgc.geojson'), 'gm_lad.geojson'));
    expect(b.type).toBe('Polygon');
    const ca = featureAreaKm2('gm_combined_authority_2023_bgc.geojson');
    expect(Math.abs(areaKm2(b) - ca) / ca).toBeLessThan(0.001);
  });

  it('the 42 ICBs dissolve to one England area (mainland plus an island), area kept', () => {
    const b = valueOf(parseBoundary(readShared('england_icb_2022_ultragen.geojson'), 'icb.geojson'));
    const parts = polygonsOf(b);
    expect(parts.length).toBeLessThanOrEqual(3);
    const sum = featureAreaKm2('england_icb_2022_ultragen.geojson');
    expect(Math.abs(areaKm2(b) - sum) / sum).toBeLessThan(0.001);
    expect(areaKm2(b)).toBeGreaterThan(125_000);
  });
});
