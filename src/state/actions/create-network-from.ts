import type { PracticeCode } from '../../core/model';
import type { PlanDoc } from '../types';
import type { CreateStep } from './create-network';
import { freshNetworkId, isLocked, newNetworkDef } from './network-defs';

/** A new network of the practices `codes` not held by a locked network (a lasso or drawn shape). */
export function createNetworkFrom(
  doc: PlanDoc,
  {
    codes,
    name,
    nextFid,
  }: { readonly codes: readonly PracticeCode[]; readonly name?: string; readonly nextFid: () => number },
): CreateStep {
  const free = codes.filter((c) => !isLocked(doc, doc.assignment.get(c)));
  if (free.length === 0) {
    return { patch: null, warnings: ['No practices inside the shape that could join a new network.'], id: null };
  }
  const id = freshNetworkId(doc);
  const def = newNetworkDef(id, name?.trim() || `Network ${id}`, doc.networks.length, nextFid());
  const assignment = new Map(doc.assignment);
  for (const c of free) assignment.set(c, id);
  return {
    patch: {
      label: `Create ${def.name} from ${free.length} practices`,
      set: { networks: [...doc.networks, def], assignment },
    },
    warnings: [],
    id,
  };
}
