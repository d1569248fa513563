import type { Network, NetworkId, PracticeCode } from '../../core/model';
import type { PlanDoc } from '../types';
import { newNetworkDef } from './network-defs';
import { change, type Step } from './step';

/**
 * Replaces the networks and assignment (an accepted auto-cluster): networks that already exist keep
 * their colour, lock and feature id and take the new name; new ones are coloured after the old.
 */
export function applyAssignment(
  doc: PlanDoc,
  args: {
    readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
    readonly networks: readonly Network[];
    readonly label: string;
    readonly nextFid: () => number;
  },
): Step {
  const existing = new Map(doc.networks.map((n) => [n.id, n]));
  const defs = args.networks.map((n, i) => {
    const old = existing.get(n.id);
    return old ? { ...old, name: n.name } : newNetworkDef(n.id, n.name, doc.networks.length + i, args.nextFid());
  });
  return change(args.label, { networks: defs, assignment: new Map(args.assignment) });
}
