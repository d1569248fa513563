// A network's population, contiguity and Polsby-Popper come from one rule (plan/network-figures)
// for the plan and the cluster's report. On the real 2022 England PCNs (about 300 networks in
// several parts) the site-level rule gives what the dissolved footprint shows: one land piece
// exactly when the footprint is one polygon (practice-less islands aside), and the footprint's
// own 4πA/P² to rounding.
import { describe, expect, it } from 'vitest';
import { networkFigures } from '../../../src/core/cluster/report';
import { siteAttributes } from '../../../src/core/cluster/site-graph';
import { buildTessellation, dissolveSites } from '../../../src/core/geometry';
import { polsbyPopper } from '../../../src/core/geometry/polsby-popper';
import { DEFAULT_BAND } from '../../../src/core/model';
import { evaluatePlan } from '../../../src/core/plan';
import { loadReal } from '../geometry/helpers';

describe('network figures, one rule for the plan and the cluster report', () => {
  it('on England 2022: plan = report, and both match the dissolved footprints', () => {
    const en = loadReal('england_practices_2022-01.csv', 'england_icb_2022_ultragen.geojson');
    const t = buildTessellation(en.practices, en.boundary);
    const plan = evaluatePlan(
      { practices: en.practices, networks: en.networks, assignment: en.assignment, band: DEFAULT_BAND },
      t,
    );
    const ids = en.networks.map((n) => n.id);
    const figures = networkFigures(t, en.practices, siteAttributes(t, en.practices), en.assignment, ids);
    let split = 0;
    const mismatches: string[] = [];
    ids.forEach((id, k) => {
      const s = plan.networks.get(id)!;
      const f = figures[k];
      if (f.population !== s.population || f.contiguous !== s.contiguous || f.polsbyPopper !== s.polsbyPopper) {
        mismatches.push(`${id}: report ${JSON.stringify(f)} vs plan ${s.population} ${s.contiguous} ${s.polsbyPopper}`);
      }
      const footprint = dissolveSites(t, s.sites);
      if (footprint.contiguous !== s.contiguous) mismatches.push(`${id}: footprint contiguous ${footprint.contiguous}`);
      if (Math.abs(polsbyPopper(footprint.areaKm2, footprint.perimeterKm) - s.polsbyPopper) > 1e-12) {
        mismatches.push(`${id}: footprint Polsby-Popper ${polsbyPopper(footprint.areaKm2, footprint.perimeterKm)}`);
      }
      if (s.parts > 0 && !s.contiguous) split++;
    });
    expect(mismatches).toEqual([]);
    expect(split).toBeGreaterThan(250);
  }, 120_000);
});
