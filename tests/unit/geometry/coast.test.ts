// The hand-made coast: pinched harbour channels, holes touching the shore, islands with and
// without practices. Every written footprint must be valid for a GIS (checked by jsts, not by
// the project's ring code) and contiguity must mean the same thing everywhere.
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildTessellation, dissolveSites } from '../../../src/core/geometry';
import { parseBoundary, toNetworksGeoJSON } from '../../../src/core/io';
import { DEFAULT_BAND, networkId, type NetworkId, type PracticeCode } from '../../../src/core/model';
import { evaluatePlan } from '../../../src/core/plan';
import { coastBoundary, coastPractices } from './coast-fixture';
import { featureCollectionValidityErrors, polygonValidityErrors } from './validity';

const practices = coastPractices();

function readBoundary(form: 'ogc' | 'esri') {
  const r = parseBoundary(JSON.stringify(coastBoundary(form)), `coast-${form}.geojson`);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r;
}

describe('the coast boundary as input', () => {
  it('reads the valid drawing as it is, with no repair', () => {
    const r = readBoundary('ogc');
    expect(r.warnings).toEqual([]);
    expect(polygonValidityErrors(coastBoundary('ogc'))).toEqual([]);
    expect(polygonValidityErrors(r.value)).toEqual([]);
  });

  it('repairs the self-touching drawing with a warning saying what and where, to the same land', () => {
    expect(polygonValidityErrors(coastBoundary('esri'))).not.toEqual([]);
    const r = readBoundary('esri');
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^coast-esri\.geojson: a ring touches itself at -3\.8, 50\.43 and 3 more places \(invalid polygon\); split there into separate rings \(\d+ polygons\)$/,
      ),
    ]);
    expect(polygonValidityErrors(r.value)).toEqual([]);
    expect(area(r.value)).toBeCloseTo(area(coastBoundary('ogc')), -3);
  });
});

describe('footprints on the coast', () => {
  for (const form of ['ogc', 'esri'] as const) {
    const t = buildTessellation(practices, readBoundary(form).value);

    it(`${form}: every cell is valid and one piece on land`, () => {
      t.sites.forEach((_, s) => {
        const f = dissolveSites(t, [s]);
        expect(polygonValidityErrors(f.geometry, `cell ${s}`)).toEqual([]);
        expect(f.contiguous, `cell ${s}`).toBe(true);
      });
      const all = dissolveSites(
        t,
        t.sites.map((_, s) => s),
      );
      expect(polygonValidityErrors(all.geometry)).toEqual([]);
      expect(all.areaKm2).toBeCloseTo(t.areaKm2, 3);
    });

    it(`${form}: islands without practices go whole to one cell each and do not break contiguity`, () => {
      const multi = t.sites.map((_, s) => dissolveSites(t, [s]).parts).filter((p) => p > 1);
      expect(multi.reduce((a, p) => a + p - 1, 0)).toBe(4);
    });

    it(`${form}: random plans write valid footprints`, () => {
      let seed = 11;
      const rand = () => {
        seed = (seed * 16807) % 2147483647;
        return seed / 2147483647;
      };
      for (let run = 0; run < 40; run++) {
        const k = 2 + Math.floor(rand() * 8);
        const networks = Array.from({ length: k }, (_, i) => ({ id: networkId(`N${i}`), name: `N${i}` }));
        const assignment = new Map<PracticeCode, NetworkId>();
        for (const p of practices) if (rand() < 0.9) assignment.set(p.code, networks[Math.floor(rand() * k)].id);
        const plan = evaluatePlan({ practices, networks, assignment, band: DEFAULT_BAND }, t);
        expect(
          featureCollectionValidityErrors(toNetworksGeoJSON(plan.networks.values(), DEFAULT_BAND)),
          `run ${run}`,
        ).toEqual([]);
      }
    });
  }
});
