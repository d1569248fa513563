// Files that become a scenario or the reference layer. Validated with the core parsers first; on
// any error nothing changes and the problems are listed for the user.
import { parseAssignment, parseNetworksGeoJSON } from '../core/io';
import type { Issue } from '../core/model';
import { parseReferenceLayer } from '../core/reference';
import type { PlannerStore } from './store';

function fail(store: PlannerStore, fileName: string, errors: readonly Issue[], warnings: readonly Issue[] = []): false {
  store
    .getState()
    .reportProblem({ title: `${fileName} was not loaded; the plan is unchanged`, issues: [...errors, ...warnings] });
  return false;
}

/**
 * An assignment CSV or a networks GeoJSON (this project's, via its practice_codes) as a new
 * scenario named after the file, over the open scenario's practices. Returns true when created.
 */
export function loadScenarioText(store: PlannerStore, text: string, fileName: string): boolean {
  const s = store.getState();
  if (s.doc.practices.length === 0)
    return fail(store, fileName, [
      {
        severity: 'error',
        code: 'loadOrder',
        file: fileName,
        message: `${fileName}: load practices before a scenario`,
      },
    ]);
  const name = fileName.replace(/\.(csv|geojson|json)$/i, '');
  if (text.trimStart().startsWith('{')) {
    const r = parseNetworksGeoJSON(text, fileName);
    if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
    const known = new Set<string>(s.doc.practices.map((p) => p.code));
    const unknown = [...r.value.assignment.keys()].filter((c) => !known.has(c));
    if (unknown.length) {
      return fail(store, fileName, [
        {
          severity: 'error',
          code: 'unknownPractice',
          file: fileName,
          message: `${fileName}: ${unknown.length} practice${unknown.length === 1 ? '' : 's'} not in the loaded practices (${unknown.slice(0, 8).join(', ')}${unknown.length > 8 ? ', …' : ''})`,
        },
      ]);
    }
    s.createScenario(
      {
        kind: 'assignment',
        assignment: r.value.assignment,
        networks: r.value.networks.map((n) => ({ id: n.id, name: n.name })),
      },
      name,
    );
  } else {
    const r = parseAssignment(text, fileName, s.doc.practices);
    if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
    s.createScenario({ kind: 'assignment', assignment: r.value.assignment, networks: r.value.networks }, name);
    if (r.warnings.length)
      s.reportProblem({
        title: `${fileName} loaded with ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}`,
        issues: r.warnings,
      });
  }
  return true;
}

/** Any polygon GeoJSON as the reference layer (replacing the previous one). */
export function loadReferenceText(store: PlannerStore, text: string, fileName: string): boolean {
  const r = parseReferenceLayer(text, fileName);
  if (!r.ok) return fail(store, fileName, r.errors, r.warnings);
  store.getState().setReference(r.value);
  return true;
}
