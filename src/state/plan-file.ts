// The plan file as the app keeps it: the core's plan file (src/core/io/plan-file.ts) with each
// network's colour and map id filled in.
import { parsePlanFile, serialisePlanFile, type PlanFileScenario, type SmallAreaRecord } from '../core/io';
import type { PlannerState } from './store';
import type { Result } from '../core/model';
import { readAlignDoc } from './align';
import { colourFor } from './palette';
import type { NetworkDef, PlanDoc } from './types';

/**
 * The core's plan file plus the app's "align" key (the Align panel's layers), when there are any.
 * `smallAreas`: the small-area mode and files to record (see smallAreaRecord), if any are open.
 */
export function serialisePlan(doc: PlanDoc, savedAt = new Date(), smallAreas: SmallAreaRecord | null = null): string {
  const text = serialisePlanFile({ sources: doc.sources, scenarios: [{ name: 'Plan', ...doc }], active: 0, reference: null, smallAreas }, savedAt);
  // The core writes one JSON object: the align key goes in before its closing brace.
  return doc.align ? `${text.slice(0, -1)},"align":${JSON.stringify(doc.align)}}` : text;
}

/** What a plan file records of the open small-area files: names and checksums, and the footprint source. */
export function smallAreaRecord(s: Pick<PlannerState, 'smallAreas' | 'footprintSource'>): SmallAreaRecord | null {
  if (!s.smallAreas) return null;
  return { footprints: s.footprintSource, layer: s.smallAreas.layerFile, registrations: s.smallAreas.registrationsFile };
}

/** A scenario of a plan file as a document: colours picked where the file has none, fresh map ids. */
export function scenarioDoc(s: PlanFileScenario, sources: PlanDoc['sources'], nextFid: () => number): PlanDoc {
  const networks: NetworkDef[] = s.networks.map((n, i) => ({ id: n.id, name: n.name, colour: n.colour ?? colourFor(i), locked: n.locked, fid: nextFid() }));
  return { practices: s.practices, boundary: s.boundary, networks, assignment: s.assignment, band: s.band, sources };
}

/** Reads a plan file (version 1 or 2) as the document of its open scenario, with its small-area record. */
export function parsePlanWithSmallAreas(text: string, fileName: string, nextFid: () => number): Result<{ doc: PlanDoc; smallAreas: SmallAreaRecord | null }> {
  const r = parsePlanFile(text, fileName);
  if (!r.ok) return r;
  const doc = scenarioDoc(r.value.scenarios[r.value.active], r.value.sources, nextFid);
  const smallAreas = r.value.smallAreas ?? null;
  if (!text.includes('"align"')) return { ok: true, value: { doc, smallAreas }, warnings: r.warnings };
  const { align, warnings } = readAlignDoc((JSON.parse(text) as { align?: unknown }).align, fileName);
  return { ok: true, value: { doc: align ? { ...doc, align } : doc, smallAreas }, warnings: [...r.warnings, ...warnings] };
}

/** Reads a plan file (version 1 or 2) as the document of its open scenario. */
export function parsePlan(text: string, fileName: string, nextFid: () => number): Result<PlanDoc> {
  const r = parsePlanWithSmallAreas(text, fileName, nextFid);
  return r.ok ? { ok: true, value: r.value.doc, warnings: r.warnings } : r;
}

/** The sentence telling the planner which small-area files a plan was made with. */
export function smallAreaRecordNotice(fileName: string, r: SmallAreaRecord): string {
  const file = (f: SmallAreaRecord['layer']) => `${f.name} (SHA-256 ${f.sha256.slice(0, 12)}…)`;
  return `${fileName} was made with footprints from ${r.footprints === 'smallAreas' ? 'small areas' : 'practice cells'} and the small-area layer ${file(r.layer)}` +
    `${r.registrations ? ` and registrations ${file(r.registrations)}` : ''}; open them in the Small areas tab to see the same footprints.`;
}
