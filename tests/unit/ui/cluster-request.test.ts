// The Auto-cluster dialog's request, built from its text fields without the dialog or a worker.
import { describe, expect, it } from 'vitest';
import { CLUSTER_SCOPE } from '../../../src/core/cluster';
import { networkId, practiceCode } from '../../../src/core/model';
import type { ClusterDialogPlan } from '../../../src/ui/ClusterDialog';
import { clusterRequest, defaultOptions, layerFields } from '../../../src/ui/cluster-request';

const plan: ClusterDialogPlan = {
  practices: [{ code: practiceCode('A'), name: 'A', listSize: 9000, lon: -2.2, lat: 53.4 }],
  boundary: null,
  networks: [
    { id: networkId('N1'), name: 'One', locked: true },
    { id: networkId('N2'), name: 'Two' },
  ],
  assignment: new Map([[practiceCode('A'), networkId('N1')]]),
  band: { min: 30000, max: 50000 },
};

const square = (props: Record<string, unknown>) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: props,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-3, 53],
              [-2, 53],
              [-2, 54],
              [-3, 54],
              [-3, 53],
            ],
          ],
        },
      },
    ],
  });

describe('the Auto-cluster request', () => {
  it('starts from the plan band, seed 1 and three alternatives', () => {
    const r = clusterRequest(plan, defaultOptions(plan), null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      band: { min: 30000, max: 50000 },
      scope: CLUSTER_SCOPE.all,
      networks: [
        { id: 'N1', name: 'One' },
        { id: 'N2', name: 'Two' },
      ],
      lockedNetworkIds: ['N1'],
      hardAreas: null,
      targetSize: undefined,
      count: undefined,
      repair: false,
      seeds: [1, 2, 3],
    });
  });

  it('reads numbers with separators, clamps the alternatives to 1-6 and drops the count when repairing', () => {
    const options = {
      ...defaultOptions(plan),
      min: '40_000',
      target: '45,000',
      count: '7',
      seed: '5',
      alternatives: '9',
    };
    const r = clusterRequest(plan, options, null);
    expect(r.ok && [r.value.band.min, r.value.targetSize, r.value.count, r.value.seeds]).toEqual([
      40000,
      45000,
      7,
      [5, 6, 7, 8, 9, 10],
    ]);
    const repair = clusterRequest(plan, { ...options, repair: true, alternatives: 'x' }, null);
    expect(repair.ok && [repair.value.count, repair.value.repair, repair.value.seeds]).toEqual([undefined, true, [5]]);
    const empty = { ...plan, assignment: new Map() };
    const noPlan = clusterRequest(empty, { ...options, repair: true }, null);
    expect(noPlan.ok && noPlan.value.repair).toBe(false);
  });

  it('parses the hard-boundary layer with the chosen field, or returns the parser messages', () => {
    const text = square({ code: 'E1', name: 'North' });
    expect(layerFields(text)).toEqual(['code', 'name']);
    expect(layerFields('not json')).toEqual([]);
    const r = clusterRequest(plan, defaultOptions(plan), {
      name: 'areas.geojson',
      text,
      fields: ['code', 'name'],
      field: 'name',
    });
    expect(r.ok && r.value.hardAreas?.map((a) => a.name)).toEqual(['North']);
    const bad = clusterRequest(plan, defaultOptions(plan), { name: 'bad.geojson', text: '{', fields: [], field: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.message).toContain('bad.geojson');
  });
});
