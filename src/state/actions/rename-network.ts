import type { NetworkId } from '../../core/model';
import type { PlanDoc } from '../types';
import { networkById, withNetwork } from './network-defs';
import { change, NO_CHANGE, type Step } from './step';

/** Renames network `id`; a blank or unchanged name changes nothing. */
export function renameNetwork(doc: PlanDoc, { id, name }: { readonly id: NetworkId; readonly name: string }): Step {
  const n = networkById(doc, id);
  const clean = name.trim();
  if (!n || clean === '' || clean === n.name) return NO_CHANGE;
  return change(`Rename ${n.name} to ${clean}`, { networks: withNetwork(doc, id, { name: clean }) });
}
