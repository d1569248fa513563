import type { NetworkId } from '../../core/model';
import type { PlanDoc } from '../types';
import { networkById } from './network-defs';
import { change, NO_CHANGE, type Step, warning } from './step';

/** Deletes network `id`; its practices become unassigned. A locked network stays, with a warning. */
export function deleteNetwork(doc: PlanDoc, { id }: { readonly id: NetworkId }): Step {
  const n = networkById(doc, id);
  if (!n) return NO_CHANGE;
  if (n.locked) return warning(`${n.name} is locked: unlock it before deleting.`);
  const assignment = new Map([...doc.assignment].filter(([, v]) => v !== id));
  return change(`Delete ${n.name}`, { networks: doc.networks.filter((x) => x.id !== id), assignment });
}
