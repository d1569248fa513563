// Keeps neighbouring networks in different colours: after any change of membership the networks
// whose colour now matches a neighbour's get a new one, in the same undo step; all others keep
// theirs (including colours the planner picked).
import { colourNetworks, networkAdjacency, type PlanResult } from '../core/plan';
import { PALETTE } from './palette';
import { memoSlot, type WithMemo } from './memo';
import { selectCellPlan } from './selectors';
import type { NetworkDef, PlanDoc } from './types';

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
 * The plan of `doc` is memoised in `store`, so the selectors find it there after the commit.
 */
export function fixColourClashes(doc: PlanDoc, store: WithMemo): NetworkDef[] | null {
  if (doc.networks.length < 2 || doc.practices.length === 0) return null;
  const plan = selectCellPlan({ doc, memo: store.memo });
  if (checked.get(store) === plan) return null;
  const colours = colourNetworks(networkAdjacency(plan), PALETTE, new Map(doc.networks.map((n) => [n.id, n.colour])));
  if (doc.networks.every((n) => colours.get(n.id) === n.colour)) return null;
  return doc.networks.map((n) => (colours.get(n.id) === n.colour ? n : { ...n, colour: colours.get(n.id)! }));
}
