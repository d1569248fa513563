// The one shared-site rule (most patients at the site, tie: the lower id), and the plan and the
// cluster report applying it identically on real data.
import { describe, expect, it } from 'vitest';
import { siteOwners } from '../../../src/core/cluster/report';
import { buildTessellation } from '../../../src/core/geometry';
import { DEFAULT_BAND, networkId, type NetworkId, type PracticeCode } from '../../../src/core/model';
import { evaluatePlan } from '../../../src/core/plan';
import { rankSiteNetworks, siteOwnerId } from '../../../src/core/plan/site-owner';
import { loadReal, practice } from '../geometry/helpers';

describe('rankSiteNetworks', () => {
  const practices = [practice('P1', 0, 0, 5_000), practice('P2', 0, 0, 7_000), practice('P3', 0, 0, 2_000)];
  const members = [0, 1, 2];

  it('ranks by patients at the site, most first', () => {
    const assignment = new Map<PracticeCode, NetworkId>([
      [practices[0].code, networkId('A')],
      [practices[1].code, networkId('B')],
      [practices[2].code, networkId('A')],
    ]);
    expect(rankSiteNetworks(members, practices, assignment)).toEqual([
      ['A', 7_000],
      ['B', 7_000],
    ]);
    expect(siteOwnerId(members, practices, assignment)).toBe('A');
  });

  it('breaks a tie by the lower id and leaves out networks that do not count', () => {
    const assignment = new Map<PracticeCode, NetworkId>([
      [practices[0].code, networkId('N2')],
      [practices[1].code, networkId('N1')],
    ]);
    expect(siteOwnerId(members, practices, assignment)).toBe('N1');
    expect(siteOwnerId(members, practices, assignment, (id) => id !== 'N1')).toBe('N2');
    expect(siteOwnerId([2], practices, assignment)).toBeUndefined();
  });
});

describe('one rule for the plan and the cluster report', () => {
  it('gives every Greater Manchester site the same owner under a shuffled assignment', () => {
    const { practices, boundary, networks } = loadReal(
      'gm_practices_2022-01.csv',
      'gm_combined_authority_2023_bgc.geojson',
    );
    const t = buildTessellation(practices, boundary);
    // Deterministic spread of practices over a few networks, so co-located practices often differ.
    const ids = networks.slice(0, 5).map((n) => n.id);
    const assignment = new Map<PracticeCode, NetworkId>();
    practices.forEach((p, i) => {
      if (i % 7 !== 0) assignment.set(p.code, ids[(i * 31) % ids.length]);
    });
    const plan = evaluatePlan({ practices, networks: networks.slice(0, 5), assignment, band: DEFAULT_BAND }, t);
    const fromReport = siteOwners(t, practices, assignment, ids);
    expect(plan.sharedSiteConflicts.length).toBeGreaterThan(0);
    expect([...fromReport]).toEqual([...plan.siteOwner]);
  });
});
