// The plan file as the app keeps it: the core's plan file (src/core/io/plan-file.ts) with each
// network's colour and map id filled in.
import { parsePlanFile, serialisePlanFile, type PlanFileScenario } from '../core/io';
import type { Result } from '../core/model';
import { colourFor } from './palette';
import type { NetworkDef, PlanDoc } from './types';

export function serialisePlan(doc: PlanDoc, savedAt = new Date()): string {
  return serialisePlanFile({ sources: doc.sources, scenarios: [{ name: 'Plan', ...doc }], active: 0, reference: null }, savedAt);
}

/** A scenario of a plan file as a document: colours picked where the file has none, fresh map ids. */
export function scenarioDoc(s: PlanFileScenario, sources: PlanDoc['sources'], nextFid: () => number): PlanDoc {
  const networks: NetworkDef[] = s.networks.map((n, i) => ({ id: n.id, name: n.name, colour: n.colour ?? colourFor(i), locked: n.locked, fid: nextFid() }));
  return { practices: s.practices, boundary: s.boundary, networks, assignment: s.assignment, band: s.band, sources };
}

/** Reads a plan file (version 1 or 2) as the document of its open scenario. */
export function parsePlan(text: string, fileName: string, nextFid: () => number): Result<PlanDoc> {
  const r = parsePlanFile(text, fileName);
  if (!r.ok) return r;
  return { ok: true, value: scenarioDoc(r.value.scenarios[r.value.active], r.value.sources, nextFid), warnings: r.warnings };
}
