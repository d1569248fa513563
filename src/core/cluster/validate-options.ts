// Checks clustering options before any work, returning every problem as a clear sentence.
import type { Issue } from '../model';
import type { ClusterOptions } from './types';

const error = (field: string, message: string): Issue => ({ severity: 'error', code: 'clusterOption', field, message });
const fmt = (n: number) => n.toLocaleString('en-GB');

export function validateClusterOptions(opts: ClusterOptions): Issue[] {
  const issues: Issue[] = [];
  const { band } = opts;
  if (!Number.isFinite(band.min) || band.min < 0)
    issues.push(error('min', `band minimum must be a number >= 0, got ${band.min}`));
  if (!Number.isFinite(band.max) || band.max <= 0)
    issues.push(error('max', `band maximum must be a number > 0, got ${band.max}`));
  if (band.min > band.max) {
    issues.push(
      error(
        'min',
        `band minimum ${fmt(band.min)} is above the maximum ${fmt(band.max)}: give --min no larger than --max`,
      ),
    );
  }
  if (opts.targetSize !== undefined && !(Number.isFinite(opts.targetSize) && opts.targetSize > 0)) {
    issues.push(error('target', `target network size must be a number > 0, got ${opts.targetSize}`));
  }
  if (opts.count !== undefined && !(Number.isInteger(opts.count) && opts.count >= 1)) {
    issues.push(error('count', `number of networks must be a whole number >= 1, got ${opts.count}`));
  }
  if (opts.seed !== undefined && !Number.isFinite(opts.seed))
    issues.push(error('seed', `seed must be a number, got ${opts.seed}`));
  if (opts.tessellation.siteOfPractice.length !== opts.practices.length) {
    issues.push(
      error(
        'practices',
        `the tessellation was built for ${opts.tessellation.siteOfPractice.length} practices, not these ${opts.practices.length}`,
      ),
    );
  }
  if (opts.repair && !opts.assignment)
    issues.push(error('repair', 'repair needs an existing assignment (a network field or assignment file)'));
  if (opts.repair && opts.count !== undefined)
    issues.push(
      error('count', 'repair keeps the existing networks: a fixed number of networks cannot be combined with it'),
    );

  const known = new Set<string>([...(opts.networks ?? []).map((n) => n.id), ...(opts.assignment?.values() ?? [])]);
  const unknown = (opts.lockedNetworkIds ?? []).filter((id) => !known.has(id));
  if (unknown.length) {
    issues.push(
      error(
        'lock',
        `cannot lock unknown network id${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')}: no practice is assigned to ${unknown.length > 1 ? 'them' : 'it'}`,
      ),
    );
  }

  const dep = opts.deprivation;
  if (dep) {
    const n = opts.practices.length;
    if (dep.core20.length !== n || dep.imdPatients.length !== n) {
      issues.push(
        error(
          'deprivation',
          `deprivation figures are given for ${dep.core20.length} and ${dep.imdPatients.length} practices, not these ${n}`,
        ),
      );
    }
    const w = dep.balanceWeight ?? 0;
    if (!(Number.isFinite(w) && w >= 0))
      issues.push(error('balance-deprivation', `deprivation balance weight must be a number >= 0, got ${w}`));
  }
  if (opts.hardAreas) {
    const polygons = opts.hardAreas.filter(
      (a) =>
        (a.geometry?.type === 'Polygon' || a.geometry?.type === 'MultiPolygon') && a.geometry.coordinates.length > 0,
    );
    if (polygons.length === 0)
      issues.push(
        error('within', 'the hard-boundary layer has no polygons: give a GeoJSON of Polygon or MultiPolygon features'),
      );
    else if (polygons.length < opts.hardAreas.length) {
      issues.push(
        error(
          'within',
          `${opts.hardAreas.length - polygons.length} of the ${opts.hardAreas.length} hard-boundary areas have no polygon geometry`,
        ),
      );
    }
  }
  return issues;
}
