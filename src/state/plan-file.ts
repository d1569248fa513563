// The plan file as the app keeps it: the core's plan file (src/core/io/plan-file.ts), every
// scenario, with each network's colour and map id filled in on reading, and the record of the
// small-area files the footprints were made with (and the deprivation table, if one was open).
import {
  parsePlanFile,
  serialisePlanFile,
  type PlanFileScenario,
  type ReferenceLayer,
  type SmallAreaRecord,
} from '../core/io';
import type { Result } from '../core/model';
import { readAlignDoc } from './align';
import { colourFor } from './palette';
import { liveScenarios, type ScenarioState } from './scenarios';
import type { PlannerState } from './store';
import type { NetworkDef, Patch, PlanDoc } from './types';

type Recorded = Partial<Pick<PlannerState, 'smallAreas' | 'footprintSource' | 'deprivation' | 'unopenedSmallAreas'>>;
type Saved = ScenarioState &
  Recorded & { readonly doc: PlanDoc; readonly past: readonly Patch[]; readonly future: readonly Patch[] };

/**
 * What a plan file records of the open small-area files: names and checksums, and the footprint
 * source; with none open, the record of the plan's files not opened (yet), if any.
 */
function smallAreaRecord(s: Recorded): SmallAreaRecord | null {
  if (!s.smallAreas || !s.footprintSource) return s.unopenedSmallAreas ?? null;
  const record = {
    footprints: s.footprintSource,
    layer: s.smallAreas.layerFile,
    registrations: s.smallAreas.registrationsFile,
  };
  const hard = s.smallAreas.hardAreas;
  return {
    ...record,
    ...(s.deprivation ? { deprivation: s.deprivation.file } : {}),
    ...(hard ? { hardAreas: { ...hard.file, field: hard.field } } : {}),
  };
}

/**
 * Every scenario (the open one as it stands), which one is open, the reference layer, the
 * small-area record, and the app's "align" key (the open scenario's Align panel layers), if any.
 */
export function serialisePlan(s: Saved, savedAt = new Date()): string {
  const scenarios = liveScenarios(s);
  const active = Math.max(
    0,
    scenarios.findIndex((x) => x.id === s.activeScenario),
  );
  const text = serialisePlanFile(
    {
      sources: s.doc.sources,
      scenarios: scenarios.map((x) => ({ name: x.name, ...x.doc })),
      active,
      reference: s.reference,
      smallAreas: smallAreaRecord(s),
    },
    savedAt,
  );
  // The core writes one JSON object: the align key goes in before its closing brace.
  return s.doc.align ? `${text.slice(0, -1)},"align":${JSON.stringify(s.doc.align)}}` : text;
}

/** A scenario of a plan file as a document: colours picked where the file has none, fresh map ids. */
function scenarioDoc(s: PlanFileScenario, sources: PlanDoc['sources'], nextFid: () => number): PlanDoc {
  const networks: NetworkDef[] = s.networks.map((n, i) => ({
    id: n.id,
    name: n.name,
    colour: n.colour ?? colourFor(i),
    locked: n.locked,
    fid: nextFid(),
  }));
  return { practices: s.practices, boundary: s.boundary, networks, assignment: s.assignment, band: s.band, sources };
}

export interface PlanScenarios {
  readonly scenarios: readonly { readonly name: string; readonly doc: PlanDoc }[];
  readonly active: number;
  readonly reference: ReferenceLayer | null;
  readonly smallAreas: SmallAreaRecord | null;
}

/** Reads a plan file (version 1 or 2): every scenario as a document; the align layers go to the open one. */
export function parsePlan(text: string, fileName: string, nextFid: () => number): Result<PlanScenarios> {
  const r = parsePlanFile(text, fileName);
  if (!r.ok) return r;
  const { scenarios, active, reference, sources } = r.value;
  const docs = scenarios.map((s) => ({ name: s.name, doc: scenarioDoc(s, sources, nextFid) }));
  const smallAreas = r.value.smallAreas ?? null;
  if (!text.includes('"align"'))
    return { ok: true, value: { scenarios: docs, active, reference, smallAreas }, warnings: r.warnings };
  const { align, warnings } = readAlignDoc((JSON.parse(text) as { align?: unknown }).align, fileName);
  const withAlign = docs.map((x, i) => (i === active && align ? { ...x, doc: { ...x.doc, align } } : x));
  return {
    ok: true,
    value: { scenarios: withAlign, active, reference, smallAreas },
    warnings: [...r.warnings, ...warnings],
  };
}

/** The sentence telling the planner which small-area files a plan was made with. */
export function smallAreaRecordNotice(fileName: string, r: SmallAreaRecord): string {
  const file = (f: SmallAreaRecord['layer']) => `${f.name} (SHA-256 ${f.sha256.slice(0, 12)}…)`;
  return (
    `${fileName} was made with footprints from ${r.footprints === 'smallAreas' ? 'small areas' : 'practice cells'} and the small-area layer ${file(r.layer)}` +
    `${r.registrations ? ` and registrations ${file(r.registrations)}` : ''}${r.deprivation ? ` and deprivation ${file(r.deprivation)}` : ''}` +
    `${r.hardAreas ? ` within the hard areas ${file(r.hardAreas)}${r.hardAreas.field ? ` by ${r.hardAreas.field}` : ''}` : ''}; open them in the Small areas tab to see the same footprints.`
  );
}
