// The national files: 32,844 LSOAs (coarse, England) and 860,853 registration rows of 6,409
// practices, against the 1,234 real PCNs of January 2022.
import { describe, expect, it } from 'vitest';
import { assignmentFromTable, parsePractices } from '../../../src/core/io';
import { DEFAULT_BAND } from '../../../src/core/model';
import {
  AREA_METHOD,
  buildSmallAreaContext,
  evaluateSmallAreaPlan,
  parseSmallAreaLayer,
  readRegistrations,
} from '../../../src/core/small-areas';
import { polygonValidityErrors } from '../geometry/validity';
import { ok, readData } from './helpers';

describe('small-area footprints for England', () => {
  it('puts every LSOA in one network, writes valid footprints, and counts what does not match', () => {
    const table = ok(parsePractices(readData('england_practices_2022-01.csv'), 'england_practices_2022-01.csv'));
    const layer = ok(parseSmallAreaLayer(readData('england_lsoa2011_bsc.geojson'), 'england_lsoa2011_bsc.geojson'));
    const text = readData('england_practice_lsoa_2022-07.csv');
    const registrations = ok(readRegistrations(text, 'england_practice_lsoa_2022-07.csv'));
    expect(layer.codes).toHaveLength(32_844);
    expect(registrations.rowCount).toBe(860_853);
    expect(registrations.practiceCodes).toHaveLength(6409);
    const { context, warnings } = buildSmallAreaContext({ layer, practices: table.practices, registrations });
    // Welsh LSOAs (patients living in Wales) and NO2011 are not in the English layer; recounted from the text.
    const welsh = new Set([...text.matchAll(/,(W01\d{6}),/g)].map((m) => m[1]));
    const noLsoa = [...text.matchAll(/,NO2011,(\d+)\r?\n/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(context.stats.areasOutsideLayer).toBe(welsh.size);
    expect(context.stats.noLsoaPatients).toBe(noLsoa);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/LSOA codes are not in england_lsoa2011_bsc\.geojson/);
    const { assignment, networks } = assignmentFromTable(table);
    const plan = evaluateSmallAreaPlan(
      { practices: table.practices, networks, assignment, band: DEFAULT_BAND },
      context,
    );
    expect([...plan.owner].every((k) => k >= 0)).toBe(true);
    expect(plan.networks.size).toBe(1234);
    const counts = [0, 0, 0];
    plan.method.forEach((m) => counts[m]++);
    expect(counts[AREA_METHOD.registrations]).toBeGreaterThan(32_000);
    plan.owner.forEach((_, a) => {
      let planPatients = 0;
      for (let k = context.areaStart[a]; k < context.areaStart[a + 1]; k++)
        if (plan.networkOfPractice[context.areaPractice[k]] >= 0) planPatients += context.areaCount[k];
      expect(plan.method[a]).toBe(planPatients > 0 ? AREA_METHOD.registrations : AREA_METHOD.nearest);
    });
    expect([...plan.networks.values()].flatMap((n) => polygonValidityErrors(n.geometry, n.id))).toEqual([]);
  });
});
