// Keeps neighbouring networks in different colours: after any change of membership the networks
// whose colour now matches a neighbour's get a new one, in the same undo step; all others keep
// theirs (including colours the planner picked).
import {
  colourNetworks,
  localNetworkAdjacency,
  networkAdjacency,
  type PlanResult,
  preparePlanUpdates,
} from '../core/plan';
import { PALETTE } from './palette';
import { memoSlot, type WithMemo } from './memo';
import { selectCellPlan } from './selectors';
import type { PlannerStore } from './store';
import type { NetworkDef, PlanDoc } from './types';

/** The parts of the last document known to have no two neighbouring networks of one colour. */
type ColouredParts = Pick<PlanDoc, 'practices' | 'boundary' | 'assignment' | 'networks'>;
const clashFree = memoSlot<ColouredParts | null>('document without colour clashes');
const partsOf = ({ practices, boundary, assignment, networks }: ColouredParts): ColouredParts => ({
  practices,
  boundary,
  assignment,
  networks,
});

const sameParts = (a: ColouredParts | null, b: ColouredParts) =>
  a !== null &&
  a.practices === b.practices &&
  a.boundary === b.boundary &&
  a.assignment === b.assignment &&
  a.networks === b.networks;

const checked = memoSlot<PlanResult>('colours checked');

/**
 * Records that `plan`'s networks are coloured as fixColourClashes would leave them (worked out by
 * the import worker, which evaluated the plan), so the check is not run again for it.
 */
export function markColoursChecked(store: WithMemo, plan: PlanResult): void {
  checked.set(store, plan);
}

/**
 * The networks with clashing colours recoloured, or null when no two neighbours share a colour.
 * `before` is the store's state before the change: the plan of `doc` is memoised in its memo, so
 * the selectors find it there after the commit.
 */
export function fixColourClashes(doc: PlanDoc, before: WithMemo & { readonly doc: PlanDoc }): NetworkDef[] | null {
  if (doc.networks.length < 2 || doc.practices.length === 0) return null;
  const known = clashFree.get(before);
  const was = before.doc;
  const onlyAssignment =
    sameParts(known, was) &&
    doc.practices === was.practices &&
    doc.boundary === was.boundary &&
    doc.networks === was.networks;
  // The plan of `doc` follows from the plan of the document before (so its `changed` is this edit's).
  if (onlyAssignment) selectCellPlan(before);
  const plan = selectCellPlan({ doc, memo: before.memo });
  // Coloured where it was evaluated (the import worker), as this function would leave it.
  if (checked.get(before) === plan) {
    clashFree.set(before, partsOf(doc));
    return null;
  }
  // From a document free of clashes, a change of membership alone can only bring a clash along an
  // edge of a network it touched: checking those (a paint click: two or three) gives the whole
  // plan's answer, and colouring them and their neighbours gives the whole plan's colours.
  if (onlyAssignment && !changedNetworksClash(plan, doc.networks)) {
    clashFree.set(before, partsOf(doc));
    return null;
  }
  const current = new Map(doc.networks.map((n) => [n.id, n.colour]));
  const adjacency = onlyAssignment ? localNetworkAdjacency(plan, plan.changed) : networkAdjacency(plan);
  const colours = colourNetworks(adjacency, PALETTE, current);
  if ([...colours].every(([id, c]) => current.get(id) === c)) {
    clashFree.set(before, partsOf(doc));
    return null;
  }
  const networks = doc.networks.map((n) => {
    const c = colours.get(n.id);
    return c === undefined || c === n.colour ? n : { ...n, colour: c };
  });
  clashFree.set(before, { ...partsOf(doc), networks });
  return networks;
}

/** Whether a network recomputed by the step that made `plan` (over `networks`) shares a cell edge with one of its colour. */
function changedNetworksClash(plan: PlanResult, networks: readonly NetworkDef[]): boolean {
  for (const id of plan.changed) {
    for (const s of plan.networks.get(id)?.sites ?? []) if (siteClashes(plan, networks, s)) return true;
  }
  return false;
}

/** Whether cell `s`, held by a network, borders a cell of another network of the same colour. */
function siteClashes(plan: PlanResult, networks: readonly NetworkDef[], s: number): boolean {
  const owner = plan.siteOwner;
  const a = owner[s];
  if (a < 0) return false;
  for (const t of plan.tessellation.neighbours[s]) {
    const b = owner[t];
    if (b >= 0 && b !== a && networks[b].colour === networks[a].colour) return true;
  }
  return false;
}

/**
 * Whether no two neighbouring networks of the document share a colour; when none do, the next
 * paint's check looks only at what the paint touches. Nothing is recoloured here.
 */
export function checkColours(s: WithMemo & { readonly doc: PlanDoc }): boolean {
  const { doc } = s;
  if (sameParts(clashFree.get(s), doc)) return true;
  if (doc.networks.length < 2 || doc.practices.length === 0) return false;
  const plan = selectCellPlan(s);
  for (let site = 0; site < plan.siteOwner.length; site++) if (siteClashes(plan, doc.networks, site)) return false;
  clashFree.set(s, partsOf(doc));
  return true;
}

/**
 * After a change that is not a paint (a file opened, an undo), checks the colours when the page is
 * idle, so the first paint after it does not check the whole national plan, and builds the
 * indexes and cell graph the paint's plan update uses (preparePlanUpdates). Returns a stop function.
 */
export function startColourCheck(store: PlannerStore, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc === prev.doc || sameParts(clashFree.get(s), s.doc)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const s = store.getState();
      if (s.doc.practices.length > 0) preparePlanUpdates(selectCellPlan(s));
      checkColours(s);
    }, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
