// The worker's job (runClusterJob): before figures, one alternative per seed, progress, cancel.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runClusterJob, type ClusterJobRequest } from '../../../src/core/cluster/cluster-job';
import { assignmentFromTable, parseBoundary, parsePractices } from '../../../src/core/io';
import { DEFAULT_BAND } from '../../../src/core/model';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const table = parsePractices(
  readFileSync(path.join(repo, 'data/demo-practices.geojson'), 'utf8'),
  'demo-practices.geojson',
);
const boundary = parseBoundary(
  readFileSync(path.join(repo, 'data/demo-boundary.geojson'), 'utf8'),
  'demo-boundary.geojson',
);
if (!table.ok || !boundary.ok) throw new Error('demo data did not parse');
const plan = assignmentFromTable(table.value);

const request: ClusterJobRequest = {
  practices: table.value.practices,
  boundary: boundary.value,
  band: DEFAULT_BAND,
  scope: 'all',
  assignment: plan.assignment,
  networks: plan.networks,
  lockedNetworkIds: [],
  hardAreas: null,
  repair: false,
  seeds: [1, 2, 3],
};

describe('runClusterJob', () => {
  it('reports the plan before and one alternative per seed, with rising progress', () => {
    const progress: number[] = [];
    const outcome = runClusterJob(request, (f) => progress.push(f));
    if (!outcome.ok) throw new Error('failed');
    expect(outcome.value.cancelled).toBe(false);
    expect(outcome.value.alternatives.map((a) => a.seed)).toEqual([1, 2, 3]);
    expect(outcome.value.before.networks).toBe(plan.networks.length);
    for (const a of outcome.value.alternatives) expect(a.result.report.shareContiguous).toBe(1);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('stops when cancelled', () => {
    const outcome = runClusterJob(request, undefined, () => true);
    expect(outcome.ok && outcome.value.cancelled).toBe(true);
  });

  it('passes option errors through', () => {
    const outcome = runClusterJob({ ...request, band: { min: 9, max: 1 } });
    expect(outcome.ok).toBe(false);
  });

  it('says why an exact count could not be met (the dialog lists it)', () => {
    const outcome = runClusterJob({ ...request, count: 500, seeds: [1] });
    if (!outcome.ok) throw new Error('failed');
    expect(outcome.value.alternatives[0].warnings.map((w) => w.message)).toEqual([
      'asked for 500 networks but made 82: there are only 82 practice sites to build networks from (practices at one point share a site) and each network needs at least one',
    ]);
    expect(runClusterJob({ ...request, seeds: [1] })).toMatchObject({ value: { alternatives: [{ warnings: [] }] } });
  });
});
