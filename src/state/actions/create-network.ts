import type { NetworkId } from '../../core/model';
import type { PlanDoc } from '../types';
import { freshNetworkId, newNetworkDef } from './network-defs';
import type { Step } from './step';

export interface CreateStep extends Step {
  /** The new network's id, or null when none was created. */
  readonly id: NetworkId | null;
}

/** An empty network named `name` (blank: "Network N<k>"); `nextFid` gives its map feature id. */
export function createNetwork(
  doc: PlanDoc,
  { name, nextFid }: { readonly name?: string; readonly nextFid: () => number },
): CreateStep & { readonly id: NetworkId } {
  const id = freshNetworkId(doc);
  const def = newNetworkDef(id, name?.trim() || `Network ${id}`, doc.networks.length, nextFid());
  return { patch: { label: `Create ${def.name}`, set: { networks: [...doc.networks, def] } }, warnings: [], id };
}
