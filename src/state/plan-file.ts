// The plan file: versioned JSON holding the whole document, read back with validation.
import { networkId, practiceCode, type Issue, type NetworkId, type PracticeCode, type Result } from '../core/model';
import { parseBoundary, parsePractices } from '../core/io';
import { colourFor } from './palette';
import type { NetworkDef, PlanDoc, SourceFile, SourceKind } from './types';

export const PLAN_FORMAT = 'pcn-planner-plan';
export const PLAN_VERSION = 1;

export function serialisePlan(doc: PlanDoc, savedAt = new Date()): string {
  return JSON.stringify({
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    savedAt: savedAt.toISOString(),
    sources: doc.sources,
    band: doc.band,
    practices: doc.practices.map((p) => ({ code: p.code, name: p.name, listSize: p.listSize, lon: p.lon, lat: p.lat })),
    boundary: doc.boundary,
    networks: doc.networks.map((n) => ({ id: n.id, name: n.name, colour: n.colour, locked: n.locked })),
    assignment: [...doc.assignment],
  });
}

const err = (fileName: string, message: string, field?: string): Issue => ({ severity: 'error', file: fileName, field, message: `${fileName}: ${message}` });

/** Reads a plan file; practices and boundary go through the same validation as their own files. */
export function parsePlan(text: string, fileName: string, nextFid: () => number): Result<PlanDoc> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [err(fileName, `is not readable JSON (${(e as Error).message})`)], warnings: [] };
  }
  const o = raw as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.format !== PLAN_FORMAT) {
    return { ok: false, errors: [err(fileName, `is not a PCN Planner plan file (expected "format": "${PLAN_FORMAT}")`, 'format')], warnings: [] };
  }
  if (o.version !== PLAN_VERSION) {
    return { ok: false, errors: [err(fileName, `has plan version ${JSON.stringify(o.version)}; this app reads version ${PLAN_VERSION}`, 'version')], warnings: [] };
  }
  const errors: Issue[] = [];
  const practicesFc = {
    type: 'FeatureCollection',
    features: Array.isArray(o.practices) ? o.practices.map((p: Record<string, unknown>) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [p?.lon, p?.lat] },
      properties: { practice_code: p?.code, practice_name: p?.name, registered_patients: p?.listSize },
    })) : null,
  };
  const pr = parsePractices(JSON.stringify(practicesFc), `${fileName} (practices)`, { format: 'geojson' });
  if (!pr.ok) errors.push(...pr.errors);
  let boundary = null;
  if (o.boundary != null) {
    const br = parseBoundary(JSON.stringify(o.boundary), `${fileName} (boundary)`);
    if (br.ok) boundary = br.value;
    else errors.push(...br.errors);
  }
  const networks: NetworkDef[] = [];
  const ids = new Set<string>();
  if (!Array.isArray(o.networks)) errors.push(err(fileName, 'has no "networks" list', 'networks'));
  else {
    o.networks.forEach((n: Record<string, unknown>, i: number) => {
      if (!n || typeof n.id !== 'string' || n.id === '' || ids.has(n.id)) {
        errors.push(err(fileName, `network ${i}: id ${JSON.stringify(n?.id)} is missing or repeated`, 'networks'));
        return;
      }
      ids.add(n.id);
      networks.push({
        id: networkId(n.id),
        name: typeof n.name === 'string' ? n.name : n.id,
        colour: typeof n.colour === 'string' && /^#[0-9a-fA-F]{6}$/.test(n.colour) ? n.colour : colourFor(i),
        locked: n.locked === true,
        fid: nextFid(),
      });
    });
  }
  const assignment = new Map<PracticeCode, NetworkId>();
  if (!Array.isArray(o.assignment)) errors.push(err(fileName, 'has no "assignment" list', 'assignment'));
  else {
    const codes = new Set(pr.ok ? pr.value.practices.map((p) => p.code) : []);
    o.assignment.forEach((pair: unknown, i: number) => {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || !ids.has(pair[1]) || (pr.ok && !codes.has(practiceCode(pair[0])))) {
        errors.push(err(fileName, `assignment ${i}: ${JSON.stringify(pair)} does not name a loaded practice and network`, 'assignment'));
        return;
      }
      assignment.set(practiceCode(pair[0]), networkId(pair[1]));
    });
  }
  const band = o.band as { min?: unknown; max?: unknown } | undefined;
  const min = Number(band?.min), max = Number(band?.max);
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || min > max) errors.push(err(fileName, `band ${JSON.stringify(o.band)} is not {min, max} with 0 <= min <= max`, 'band'));
  if (errors.length > 0 || !pr.ok) return { ok: false, errors: errors.slice(0, 50), warnings: [] };
  return {
    ok: true,
    value: {
      practices: pr.value.practices,
      boundary,
      networks,
      assignment,
      band: { min, max },
      sources: readSources(o.sources, fileName),
    },
    warnings: pr.warnings,
  };
}

const SOURCE_KINDS: readonly SourceKind[] = ['practices', 'boundary', 'assignment', 'plan'];

/** The plan's files as saved ({kind, name}); a list without them names the plan file itself. */
function readSources(raw: unknown, fileName: string): SourceFile[] {
  const list = Array.isArray(raw)
    ? raw.filter((x): x is SourceFile => !!x && typeof x === 'object' && typeof x.name === 'string' && SOURCE_KINDS.includes(x.kind))
      .map((x) => (x.demo === true ? { kind: x.kind, name: x.name, demo: true } : { kind: x.kind, name: x.name }))
    : [];
  return list.length > 0 ? list : [{ kind: 'plan', name: fileName }];
}
