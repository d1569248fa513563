// The plan file: versioned JSON holding practices, study area, every scenario (networks,
// assignment, band) and the reference layer. Pure, so the app and the CLI read the same files.
// Version 1 (one plan, no scenarios) is still read: it becomes one scenario.
import { MAX_JSON_DEPTH, jsonTooDeepAt, lineOfIndex } from './json-depth';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  networkId,
  practiceCode,
  type Band,
  type Boundary,
  type Issue,
  type NetworkId,
  type Practice,
  type PracticeCode,
  type Result,
} from '../model';
import { parseBoundary } from './parse-boundary';
import { parsePractices } from './parse-practices';

export const PLAN_FORMAT = 'pcn-planner-plan';
const PLAN_VERSION = 2;

export interface PlanFileNetwork {
  readonly id: NetworkId;
  readonly name: string;
  /** "#rrggbb", or null when the file has none (the app picks one). */
  readonly colour: string | null;
  readonly locked: boolean;
}

export interface PlanFileScenario {
  readonly name: string;
  readonly band: Band;
  readonly networks: readonly PlanFileNetwork[];
  readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
  /** Shared by reference between scenarios that have the same practices (the usual case). */
  readonly practices: readonly Practice[];
  readonly boundary: Boundary | null;
}

/** Polygons drawn as labelled outlines under the plan (official footprints, wards...). */
export interface ReferenceLayer {
  /** File name it was read from. */
  readonly name: string;
  readonly features: readonly { readonly label: string; readonly geometry: Polygon | MultiPolygon }[];
}

/** A file recorded by name and content checksum (SHA-256, hex), so the same file can be recognised. */
export interface RecordedFile {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** Which footprints the plan showed and the small-area files it used (the files themselves are not stored). */
export interface SmallAreaRecord {
  readonly footprints: 'cells' | 'smallAreas';
  readonly layer: RecordedFile;
  readonly registrations: RecordedFile | null;
  /** The deprivation (IMD by LSOA) table behind the population health figures, if one was open. */
  readonly deprivation?: RecordedFile | null;
  /** The hard areas small areas were kept within, and the property naming each area (null: one per feature). */
  readonly hardAreas?: (RecordedFile & { readonly field: string | null }) | null;
}

/** A file the plan was built from: what it held, its name, and whether it is the synthetic demo. */
export interface PlanSource {
  readonly kind: 'practices' | 'boundary' | 'assignment' | 'plan';
  readonly name: string;
  readonly demo?: boolean;
}

const SOURCE_KINDS: readonly PlanSource['kind'][] = ['practices', 'boundary', 'assignment', 'plan'];

/** The saved list of files; a list without kinds (older files) names the plan file itself. */
function readSources(raw: unknown, fileName: string): PlanSource[] {
  const list = Array.isArray(raw)
    ? raw
        .filter(
          (x): x is PlanSource =>
            !!x && typeof x === 'object' && typeof x.name === 'string' && SOURCE_KINDS.includes(x.kind),
        )
        .map((x) => (x.demo === true ? { kind: x.kind, name: x.name, demo: true } : { kind: x.kind, name: x.name }))
    : [];
  return list.length > 0 ? list : [{ kind: 'plan', name: fileName }];
}

export interface PlanFileContent {
  readonly sources: readonly PlanSource[];
  /** Small-area mode and files, or absent/null when none were open. */
  readonly smallAreas?: SmallAreaRecord | null;
  /** At least one. */
  readonly scenarios: readonly PlanFileScenario[];
  /** Index of the scenario that was open. */
  readonly active: number;
  readonly reference: ReferenceLayer | null;
}

const practiceJson = (practices: readonly Practice[]) =>
  practices.map((p) => ({ code: p.code, name: p.name, listSize: p.listSize, lon: p.lon, lat: p.lat }));

/** JSON text of the plan; practices and boundary are written once unless a scenario has its own. */
export function serialisePlanFile(content: PlanFileContent, savedAt = new Date()): string {
  const shared = content.scenarios[content.active] ?? content.scenarios[0];
  return JSON.stringify({
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    savedAt: savedAt.toISOString(),
    sources: content.sources,
    practices: practiceJson(shared.practices),
    boundary: shared.boundary,
    activeScenario: content.active,
    scenarios: content.scenarios.map((s) => ({
      name: s.name,
      band: s.band,
      networks: s.networks.map((n) => ({ id: n.id, name: n.name, colour: n.colour, locked: n.locked })),
      assignment: [...s.assignment],
      ...(s.practices !== shared.practices && { practices: practiceJson(s.practices) }),
      ...(s.boundary !== shared.boundary && { boundary: s.boundary }),
    })),
    reference: content.reference,
    ...(content.smallAreas && { smallAreas: content.smallAreas }),
  });
}

function readRecordedFile(raw: unknown): RecordedFile | null {
  const f = raw as { name?: unknown; sha256?: unknown; bytes?: unknown } | null;
  if (
    !f ||
    typeof f.name !== 'string' ||
    typeof f.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(f.sha256) ||
    typeof f.bytes !== 'number'
  )
    return null;
  return { name: f.name, sha256: f.sha256, bytes: f.bytes };
}

function readSmallAreas(raw: unknown, fileName: string, errors: Issue[]): SmallAreaRecord | null {
  if (raw == null) return null;
  const o = raw as {
    footprints?: unknown;
    layer?: unknown;
    registrations?: unknown;
    deprivation?: unknown;
    hardAreas?: unknown;
  };
  const layer = readRecordedFile(o.layer);
  const registrations = o.registrations == null ? null : readRecordedFile(o.registrations);
  const deprivation = o.deprivation == null ? null : readRecordedFile(o.deprivation);
  const hardFile = o.hardAreas == null ? null : readRecordedFile(o.hardAreas);
  const hardField = (o.hardAreas as { field?: unknown } | null)?.field ?? null;
  if (
    (o.footprints !== 'cells' && o.footprints !== 'smallAreas') ||
    !layer ||
    (o.registrations != null && !registrations) ||
    (o.deprivation != null && !deprivation) ||
    (o.hardAreas != null && (!hardFile || (hardField !== null && typeof hardField !== 'string')))
  ) {
    errors.push(
      err(
        fileName,
        'smallAreas is not {footprints: "cells" or "smallAreas", layer: {name, sha256, bytes}, registrations and deprivation: {name, sha256, bytes} or null, hardAreas: {name, sha256, bytes, field} or null}',
        'smallAreas',
      ),
    );
    return null;
  }
  const record: SmallAreaRecord = { footprints: o.footprints, layer, registrations };
  return {
    ...record,
    ...(deprivation ? { deprivation } : {}),
    ...(hardFile ? { hardAreas: { ...hardFile, field: hardField as string | null } } : {}),
  };
}

const err = (fileName: string, message: string, field?: string): Issue => ({
  severity: 'error',
  code: 'planFile',
  file: fileName,
  field,
  message: `${fileName}: ${message}`,
});
const fail = (errors: Issue[]): Result<never> => ({ ok: false, errors: errors.slice(0, 50), warnings: [] });

function readPractices(raw: unknown, label: string, errors: Issue[], warnings: Issue[]): readonly Practice[] | null {
  const fc = {
    type: 'FeatureCollection',
    features: Array.isArray(raw)
      ? raw.map((p: Record<string, unknown>) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p?.lon, p?.lat] },
          properties: { practice_code: p?.code, practice_name: p?.name, registered_patients: p?.listSize },
        }))
      : null,
  };
  const r = parsePractices(JSON.stringify(fc), label, { format: 'geojson' });
  if (!r.ok) {
    errors.push(...r.errors);
    return null;
  }
  warnings.push(...r.warnings);
  return r.value.practices;
}

function readBoundary(raw: unknown, label: string, errors: Issue[]): Boundary | null {
  if (raw == null) return null;
  const r = parseBoundary(JSON.stringify(raw), label);
  if (r.ok) return r.value;
  errors.push(...r.errors);
  return null;
}

function readBand(raw: unknown, where: string, fileName: string, errors: Issue[]): Band {
  const band = raw as { min?: unknown; max?: unknown } | undefined;
  const min = Number(band?.min),
    max = Number(band?.max);
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || min > max)
    errors.push(err(fileName, `${where}band ${JSON.stringify(raw)} is not {min, max} with 0 <= min <= max`, 'band'));
  return { min, max };
}

interface ScenarioInput {
  readonly name: string;
  readonly where: string;
  readonly band: unknown;
  readonly networks: unknown;
  readonly assignment: unknown;
  readonly practices: readonly Practice[];
  readonly boundary: Boundary | null;
}

function readScenario(s: ScenarioInput, fileName: string, errors: Issue[]): PlanFileScenario {
  const networks: PlanFileNetwork[] = [];
  const ids = new Set<string>();
  if (!Array.isArray(s.networks)) errors.push(err(fileName, `${s.where}has no "networks" list`, 'networks'));
  else {
    s.networks.forEach((n: Record<string, unknown>, i: number) => {
      if (!n || typeof n.id !== 'string' || n.id === '' || ids.has(n.id)) {
        errors.push(
          err(fileName, `${s.where}network ${i}: id ${JSON.stringify(n?.id)} is missing or repeated`, 'networks'),
        );
        return;
      }
      ids.add(n.id);
      networks.push({
        id: networkId(n.id),
        name: typeof n.name === 'string' ? n.name : n.id,
        colour: typeof n.colour === 'string' && /^#[0-9a-fA-F]{6}$/.test(n.colour) ? n.colour : null,
        locked: n.locked === true,
      });
    });
  }
  const assignment = new Map<PracticeCode, NetworkId>();
  if (!Array.isArray(s.assignment)) errors.push(err(fileName, `${s.where}has no "assignment" list`, 'assignment'));
  else {
    const codes = new Set<string>(s.practices.map((p) => p.code));
    s.assignment.forEach((pair: unknown, i: number) => {
      if (
        !Array.isArray(pair) ||
        typeof pair[0] !== 'string' ||
        typeof pair[1] !== 'string' ||
        !ids.has(pair[1]) ||
        !codes.has(pair[0])
      ) {
        errors.push(
          err(
            fileName,
            `${s.where}assignment ${i}: ${JSON.stringify(pair)} does not name a loaded practice and network`,
            'assignment',
          ),
        );
        return;
      }
      assignment.set(practiceCode(pair[0]), networkId(pair[1]));
    });
  }
  return {
    name: s.name,
    band: readBand(s.band, s.where, fileName, errors),
    networks,
    assignment,
    practices: s.practices,
    boundary: s.boundary,
  };
}

function readReference(raw: unknown, fileName: string, errors: Issue[]): ReferenceLayer | null {
  if (raw == null) return null;
  const o = raw as { name?: unknown; features?: unknown };
  const ok =
    typeof o.name === 'string' &&
    Array.isArray(o.features) &&
    o.features.every(
      (f: { label?: unknown; geometry?: { type?: unknown; coordinates?: unknown } }) =>
        typeof f?.label === 'string' &&
        (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') &&
        Array.isArray(f.geometry.coordinates),
    );
  if (!ok) {
    errors.push(
      err(
        fileName,
        'reference layer is not {name, features: [{label, geometry: Polygon or MultiPolygon}]}',
        'reference',
      ),
    );
    return null;
  }
  return raw as ReferenceLayer;
}

/**
 * Reads a plan file of version 1 or 2; practices and boundary go through the same validation as
 * their own files. Example: `parsePlanFile(serialisePlanFile(content), 'plan.json')` gives back
 * `content` (scenarios with the same practices share one array).
 */
export function parsePlanFile(text: string, fileName: string): Result<PlanFileContent> {
  const deepAt = jsonTooDeepAt(text);
  if (deepAt !== -1)
    return fail([
      err(
        fileName,
        `is nested more than ${MAX_JSON_DEPTH} levels deep (line ${lineOfIndex(text, deepAt)}, character ${deepAt + 1}); a plan file needs about 12`,
      ),
    ]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail([err(fileName, `is not readable JSON (${(e as Error).message})`)]);
  }
  const o = raw as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.format !== PLAN_FORMAT)
    return fail([err(fileName, `is not a PCN Planner plan file (expected "format": "${PLAN_FORMAT}")`, 'format')]);
  if (o.version !== 1 && o.version !== PLAN_VERSION)
    return fail([
      err(
        fileName,
        `has plan version ${JSON.stringify(o.version)}; this app reads versions 1 and ${PLAN_VERSION}`,
        'version',
      ),
    ]);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const practices = readPractices(o.practices, `${fileName} (practices)`, errors, warnings);
  const boundary = readBoundary(o.boundary, `${fileName} (boundary)`, errors);
  if (!practices) return fail(errors);
  const rawScenarios: Record<string, unknown>[] =
    o.version === 1
      ? [{ name: 'Plan', band: o.band, networks: o.networks, assignment: o.assignment }]
      : Array.isArray(o.scenarios)
        ? o.scenarios
        : [];
  if (rawScenarios.length === 0)
    errors.push(err(fileName, 'has no scenarios (expected a non-empty "scenarios" list)', 'scenarios'));
  const names = new Set<string>();
  const scenarios = rawScenarios.map((s, i) => {
    const name = typeof s?.name === 'string' && s.name.trim() !== '' ? s.name.trim() : `Scenario ${i + 1}`;
    if (names.has(name))
      errors.push(err(fileName, `scenario ${i}: name "${name}" is used by another scenario`, 'scenarios'));
    names.add(name);
    const own =
      s?.practices === undefined
        ? practices
        : readPractices(s.practices, `${fileName} (scenario ${name}, practices)`, errors, warnings);
    const ownBoundary =
      s?.boundary === undefined
        ? boundary
        : readBoundary(s.boundary, `${fileName} (scenario ${name}, boundary)`, errors);
    const where = o.version === 1 ? '' : `scenario "${name}": `;
    return readScenario(
      {
        name,
        where,
        band: s?.band,
        networks: s?.networks,
        assignment: s?.assignment,
        practices: own ?? practices,
        boundary: ownBoundary,
      },
      fileName,
      errors,
    );
  });
  const active =
    typeof o.activeScenario === 'number' &&
    Number.isInteger(o.activeScenario) &&
    o.activeScenario >= 0 &&
    o.activeScenario < scenarios.length
      ? o.activeScenario
      : 0;
  const reference = readReference(o.reference, fileName, errors);
  const smallAreas = readSmallAreas(o.smallAreas, fileName, errors);
  if (errors.length > 0) return fail(errors);
  return {
    ok: true,
    value: { sources: readSources(o.sources, fileName), scenarios, active, reference, smallAreas },
    warnings,
  };
}
