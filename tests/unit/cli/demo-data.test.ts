import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_NAME, makeDemoData } from '../../../scripts/make-demo-data';

const dataDir = new URL('../../../data/', import.meta.url);

describe('synthetic demo data', () => {
  const files = makeDemoData();

  it('is byte-identical on rerun and equals the committed files', () => {
    expect(makeDemoData()).toEqual(files);
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(new URL(name, dataDir), 'utf8'), `data/${name} is stale: run npm run demo-data`).toBe(text);
    }
  });

  it('is labelled synthetic in every file', () => {
    for (const name of ['demo-boundary.geojson', 'demo-practices.geojson']) {
      const fc = JSON.parse(files[name]);
      expect(fc.name).toBe(DEMO_NAME);
      for (const f of fc.features) expect(f.properties.synthetic).toBe(true);
    }
    for (const name of ['demo-practices.csv', 'demo-assignment.csv']) {
      const [header, ...rows] = files[name].trim().split('\n');
      expect(header.split(',').at(-1)).toBe('synthetic');
      for (const row of rows) expect(row.endsWith(',true')).toBe(true);
    }
    expect(readFileSync(new URL('README.md', dataDir), 'utf8')).toMatch(/not real NHS data/);
  });

  it('has realistic practices, co-located sites and a partial assignment', () => {
    const practices = JSON.parse(files['demo-practices.geojson']).features.map(
      (f: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }) => ({
        ...f.properties,
        at: f.geometry.coordinates.join(','),
      }),
    ) as { practice_code: string; registered_patients: number; pcn_code: string; at: string }[];
    expect(practices.length).toBeGreaterThanOrEqual(80);
    expect(practices.length).toBeLessThanOrEqual(120);
    expect(new Set(practices.map((p) => p.practice_code)).size).toBe(practices.length);
    for (const p of practices) expect(p.practice_code).toMatch(/^Z9\d{4}$/);
    const sizes = practices.map((p) => p.registered_patients).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)];
    expect(median).toBeGreaterThan(6_500);
    expect(median).toBeLessThan(10_000);
    expect(sizes.filter((s) => s > 25_000).length).toBeGreaterThanOrEqual(3);
    expect(sizes.filter((s) => s < 2_500).length).toBeGreaterThanOrEqual(2);
    const perSite = new Map<string, number>();
    for (const p of practices) perSite.set(p.at, (perSite.get(p.at) ?? 0) + 1);
    expect([...perSite.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(2);
    const networks = new Set(practices.map((p) => p.pcn_code).filter(Boolean));
    expect(networks.size).toBeGreaterThanOrEqual(8);
    const unassigned = practices.filter((p) => !p.pcn_code).length;
    expect(unassigned).toBeGreaterThan(0);
    expect(unassigned).toBeLessThan(practices.length / 2);
    const assignmentRows = files['demo-assignment.csv'].trim().split('\n').length - 1;
    expect(assignmentRows).toBe(practices.length - unassigned);
  });

  it('places the region in the North Sea, away from any real coast', () => {
    const boundary = JSON.parse(files['demo-boundary.geojson']);
    const coords = boundary.features[0].geometry.coordinates.flat(2) as [number, number][];
    for (const [lon, lat] of coords) {
      expect(lon).toBeGreaterThan(1.5);
      expect(lon).toBeLessThan(3);
      expect(lat).toBeGreaterThan(54.3);
      expect(lat).toBeLessThan(54.9);
    }
  });
});
