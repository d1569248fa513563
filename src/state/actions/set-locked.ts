import type { NetworkId } from '../../core/model';
import type { PlanDoc } from '../types';
import { networkById, withNetwork } from './network-defs';
import { change, NO_CHANGE, type Step } from './step';

/** Locks or unlocks network `id` (a locked network neither gains nor loses practices). */
export function setLocked(doc: PlanDoc, { id, locked }: { readonly id: NetworkId; readonly locked: boolean }): Step {
  const n = networkById(doc, id);
  if (!n || n.locked === locked) return NO_CHANGE;
  return change(`${locked ? 'Lock' : 'Unlock'} ${n.name}`, { networks: withNetwork(doc, id, { locked }) });
}
