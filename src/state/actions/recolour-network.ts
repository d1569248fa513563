import type { NetworkId } from '../../core/model';
import type { PlanDoc } from '../types';
import { networkById, withNetwork } from './network-defs';
import { change, NO_CHANGE, type Step } from './step';

/** Gives network `id` the CSS colour `colour`. */
export function recolourNetwork(
  doc: PlanDoc,
  { id, colour }: { readonly id: NetworkId; readonly colour: string },
): Step {
  const n = networkById(doc, id);
  if (!n || n.colour === colour) return NO_CHANGE;
  return change(`Recolour ${n.name}`, { networks: withNetwork(doc, id, { colour }) });
}
