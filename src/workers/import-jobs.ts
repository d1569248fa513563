// The import worker's jobs, without the worker around them (so tests call them directly): check
// and parse a large practice file or a boundary, then build the tessellation and evaluate the plan
// the app will show, packed as typed arrays (see core/plan/packed-plan.ts).
import { buildTessellation } from '../core/geometry';
import {
  assignmentFromTable,
  boundaryContains,
  parseBoundary,
  parsePractices,
  readPracticeHeaders,
  type ParsePracticesOptions,
  type PracticeHeaders,
  type PracticeTable,
} from '../core/io';
import type { Band, Boundary, Result } from '../core/model';
import {
  colourNetworks,
  evaluatePlan,
  networkAdjacency,
  packPlan,
  type PackedPlan,
  type PlanInput,
  type PlanResult,
} from '../core/plan';

export type ImportRequest =
  | {
      readonly kind: 'practices';
      readonly text: string;
      readonly fileName: string;
      readonly opts: ParsePracticesOptions;
      /** Read the header first and stop there when a field is missing (the app asks the user). */
      readonly checkFields: boolean;
      /** The plan the practices will start, to evaluate ahead: its boundary (null: the hull) and band. */
      readonly plan: { readonly boundary: Boundary | null; readonly band: Band };
      /** The app's palette: network i starts with palette[i % length], then neighbours are kept apart. */
      readonly palette?: readonly string[];
    }
  | {
      readonly kind: 'boundary';
      readonly text: string;
      readonly fileName: string;
      /** The plan the boundary goes under, to evaluate ahead (null: none worth evaluating). */
      readonly plan: PlanInput | null;
    };

export interface PracticesReply {
  readonly kind: 'practices';
  /** Set when checkFields was asked. */
  readonly headers: Result<PracticeHeaders> | null;
  /** Null when the headers stopped the import. */
  readonly result: Result<PracticeTable> | null;
  readonly plan: PackedPlan | null;
  /**
   * Each network's colour (in the table's network order) with no two neighbours alike, as the app's
   * colour check would leave them; null when not asked or when that check would change them again.
   */
  readonly colours: readonly string[] | null;
}

export interface BoundaryReply {
  readonly kind: 'boundary';
  readonly result: Result<Boundary>;
  readonly plan: PackedPlan | null;
  /** Indices of the plan's practices lying outside the boundary (with `plan`). */
  readonly outside: Int32Array | null;
}

export type ImportReply = PracticesReply | BoundaryReply;

export function openPractices(req: Extract<ImportRequest, { kind: 'practices' }>): PracticesReply {
  const headers = req.checkFields ? readPracticeHeaders(req.text, req.fileName) : null;
  if (headers && (!headers.ok || headers.value.fields.missing.length > 0))
    return { kind: 'practices', headers, result: null, plan: null, colours: null };
  const result = parsePractices(req.text, req.fileName, req.opts);
  if (!result.ok) return { kind: 'practices', headers, result, plan: null, colours: null };
  const { practices } = result.value;
  const input: PlanInput = { practices, ...assignmentFromTable(result.value), band: req.plan.band };
  const evaluated = evaluatePlan(input, buildTessellation(practices, req.plan.boundary));
  const colours = req.palette ? neighbourColours(evaluated, req.palette) : null;
  return { kind: 'practices', headers, result, plan: packPlan(evaluated), colours };
}

/**
 * The palette's colours by network index with clashing neighbours recoloured (what the app's
 * fixColourClashes does to a new plan), or null unless the app's check would keep them as they are.
 */
function neighbourColours(plan: PlanResult, palette: readonly string[]): string[] | null {
  const { networks } = plan.input;
  if (networks.length < 2 || plan.input.practices.length === 0) return null;
  const adjacency = networkAdjacency(plan);
  const start = new Map(networks.map((n, i) => [n.id, palette[i % palette.length]]));
  const coloured = colourNetworks(adjacency, palette, start);
  const again = colourNetworks(adjacency, palette, coloured);
  const out = networks.map((n) => coloured.get(n.id) ?? start.get(n.id)!);
  return networks.every((n, i) => (again.get(n.id) ?? start.get(n.id)) === out[i]) ? out : null;
}

export function openBoundary(req: Extract<ImportRequest, { kind: 'boundary' }>): BoundaryReply {
  const result = parseBoundary(req.text, req.fileName);
  if (!result.ok || !req.plan) return { kind: 'boundary', result, plan: null, outside: null };
  const { practices } = req.plan;
  const plan = packPlan(evaluatePlan(req.plan, buildTessellation(practices, result.value)));
  const contains = boundaryContains(result.value);
  const outside = Int32Array.from(practices.flatMap((p, i) => (contains(p.lon, p.lat) ? [] : [i])));
  return { kind: 'boundary', result, plan, outside };
}

export const runImportJob = (req: ImportRequest): ImportReply =>
  req.kind === 'practices' ? openPractices(req) : openBoundary(req);
