// Seeded property tests: writing then reading CSV / GeoJSON gives back what was written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/core/io/csv-write';
import type { NetworkSummaryInput } from '../../../src/core/io/networks-schema';
import { parseAssignment } from '../../../src/core/io/parse-assignment';
import { parseNetworksGeoJSON } from '../../../src/core/io/parse-networks-geojson';
import { forbiddenCodeCharacter, parsePractices } from '../../../src/core/io/parse-practices';
import { toAssignmentCsv } from '../../../src/core/io/to-assignment-csv';
import { toNetworksGeoJSON } from '../../../src/core/io/to-networks-geojson';
import { DEFAULT_BAND, networkId, practiceCode, type Practice } from '../../../src/core/model';
import { valueOf } from './helpers';

const SEED = 20260123;
const RUNS = { seed: SEED, numRuns: 200 };

// Names built from the characters that break naive CSV: separators, quotes, line breaks, spaces.
const awkwardText = fc.string({
  unit: fc.constantFrom('a', 'Z', 'é', '&', ' ', ',', ';', '"', "'", '\n', '\r\n', '\t', '=', '-', '1'),
  maxLength: 24,
});
// What a reader can promise to return: line breaks as "\n", outer spaces trimmed.
const asRead = (s: string) => s.replace(/\r\n?/g, '\n').trim();

const practicesArb = fc
  .uniqueArray(fc.stringMatching(/^[A-Z]\d{5}$/), { minLength: 1, maxLength: 30 })
  .chain((codes) =>
    fc.tuple(
      fc.constant(codes),
      fc.array(awkwardText, { minLength: codes.length, maxLength: codes.length }),
      fc.array(fc.nat({ max: 120_000 }), { minLength: codes.length, maxLength: codes.length }),
      fc.array(
        fc.tuple(fc.integer({ min: -6_000_000, max: 1_800_000 }), fc.integer({ min: 49_900_000, max: 55_800_000 })),
        {
          minLength: codes.length,
          maxLength: codes.length,
        },
      ),
    ),
  )
  .map(([codes, names, sizes, coords]): Practice[] =>
    codes.map((c, i) => ({
      code: practiceCode(c),
      name: names[i],
      listSize: sizes[i],
      lon: coords[i][0] / 1e6,
      lat: coords[i][1] / 1e6,
    })),
  );

describe('round trips', () => {
  it('practice CSV: toCsv -> parsePractices keeps codes, awkward names, list sizes and coordinates', () => {
    fc.assert(
      fc.property(practicesArb, (practices) => {
        const text = toCsv(
          ['practice_code', 'practice_name', 'registered_patients', 'longitude', 'latitude'],
          practices.map((p) => [p.code, p.name, p.listSize, p.lon, p.lat]),
        );
        const back = valueOf(parsePractices(text, 'p.csv')).practices;
        expect(back).toEqual(practices.map((p) => ({ ...p, name: asRead(p.name) || p.code })));
      }),
      RUNS,
    );
  });

  it('assignment CSV: toAssignmentCsv -> parseAssignment keeps the assignment and network names', () => {
    const arb = practicesArb.chain((practices) =>
      fc.tuple(
        fc.constant(practices),
        fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), {
          minLength: practices.length,
          maxLength: practices.length,
        }),
        fc.array(
          awkwardText.filter((s) => asRead(s) !== ''),
          { minLength: 5, maxLength: 5 },
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([practices, picks, names]) => {
        const networks = names.map((n, i) => ({ id: networkId(`N${i}`), name: asRead(n) }));
        const assignment = new Map(
          practices.flatMap((p, i) => (picks[i] === undefined ? [] : [[p.code, networks[picks[i]].id] as const])),
        );
        const before = structuredClone({ practices, assignment, networks });
        const v = valueOf(parseAssignment(toAssignmentCsv(practices, assignment, networks), 'a.csv', practices));
        expect(v.assignment).toEqual(assignment);
        const used = new Set(assignment.values());
        expect(new Map(v.networks.map((n) => [n.id, n.name]))).toEqual(
          new Map(networks.filter((n) => used.has(n.id)).map((n) => [n.id, n.name])),
        );
        expect({ practices, assignment, networks }).toEqual(before);
      }),
      RUNS,
    );
  });

  it('networks GeoJSON: toNetworksGeoJSON -> parseNetworksGeoJSON -> toNetworksGeoJSON is the identity on text', () => {
    const summaryArb = fc.record({
      name: awkwardText,
      population: fc.nat({ max: 300_000 }),
      codes: fc.uniqueArray(fc.stringMatching(/^[A-Z]\d{5}$/), { maxLength: 8 }),
      areaKm2: fc.double({ min: 0, max: 5000, noNaN: true }),
      parts: fc.nat({ max: 4 }),
      contiguous: fc.boolean(),
      polsbyPopper: fc.double({ min: 0, max: 1, noNaN: true }),
      x: fc.double({ min: -6, max: 1.7, noNaN: true }),
      y: fc.double({ min: 50, max: 55, noNaN: true }),
      size: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(summaryArb, { maxLength: 6 }), (raw) => {
        const seen = new Set<string>();
        const summaries: NetworkSummaryInput[] = raw.map((r, i) => {
          const codes = r.codes.filter((c) => !seen.has(c));
          codes.forEach((c) => seen.add(c));
          const { x, y, size } = r;
          return {
            id: networkId(`N${i}`),
            name: r.name,
            population: r.population,
            practiceCount: codes.length,
            practiceCodes: codes.map(practiceCode),
            areaKm2: r.areaKm2,
            parts: r.parts,
            contiguous: r.contiguous,
            polsbyPopper: r.polsbyPopper,
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [x, y],
                  [x + size, y],
                  [x + size, y + size],
                  [x, y + size],
                  [x, y],
                ],
              ],
            },
          };
        });
        const text = JSON.stringify(toNetworksGeoJSON(summaries, DEFAULT_BAND));
        const read = valueOf(parseNetworksGeoJSON(text, 'n.geojson'));
        expect(read.networks.map((n) => n.name)).toEqual(summaries.map((s) => s.name));
        expect(JSON.stringify(toNetworksGeoJSON(read.networks, DEFAULT_BAND))).toBe(text);
      }),
      RUNS,
    );
  });

  it('any practice code parsePractices accepts reads back unchanged from the networks GeoJSON and the assignment CSV', () => {
    fc.assert(
      fc.property(awkwardText, (raw) => {
        const csv = toCsv(
          ['practice_code', 'registered_patients', 'longitude', 'latitude', 'pcn_code'],
          [[raw, 9000, -2.2, 53.5, 'N1']],
        );
        const parsed = parsePractices(csv, 'p.csv');
        if (!parsed.ok) {
          expect(forbiddenCodeCharacter(raw.trim()) !== undefined || raw.trim() === '').toBe(true);
          return;
        }
        const [p] = parsed.value.practices;
        const summary: NetworkSummaryInput = {
          id: networkId('N1'),
          name: 'N1',
          population: 9000,
          practiceCount: 1,
          practiceCodes: [p.code],
          areaKm2: 1,
          parts: 1,
          contiguous: true,
          polsbyPopper: 1,
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-2.3, 53.4],
                [-2.1, 53.4],
                [-2.1, 53.6],
                [-2.3, 53.4],
              ],
            ],
          },
        };
        const networks = valueOf(
          parseNetworksGeoJSON(JSON.stringify(toNetworksGeoJSON([summary], DEFAULT_BAND)), 'n.geojson'),
        );
        expect([...networks.assignment.keys()]).toEqual([p.code]);
        const assignment = new Map([[p.code, networkId('N1')]]);
        const back = valueOf(
          parseAssignment(toAssignmentCsv([p], assignment, [{ id: networkId('N1'), name: 'N1' }]), 'a.csv', [p]),
        );
        expect([...back.assignment.keys()]).toEqual([p.code]);
      }),
      RUNS,
    );
  });
});
