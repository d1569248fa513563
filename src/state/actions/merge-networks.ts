import type { NetworkId } from '../../core/model';
import type { PlanDoc } from '../types';
import { networkById } from './network-defs';
import { change, NO_CHANGE, type Step, warning } from './step';

/** Moves every practice of `from` into `into` and deletes `from`; both must be unlocked. */
export function mergeNetworks(
  doc: PlanDoc,
  { into, from }: { readonly into: NetworkId; readonly from: NetworkId },
): Step {
  const a = networkById(doc, into);
  const b = networkById(doc, from);
  if (!a || !b || into === from) return NO_CHANGE;
  if (a.locked || b.locked) return warning('Unlock both networks before merging them.');
  const assignment = new Map([...doc.assignment].map(([c, v]) => [c, v === from ? into : v] as const));
  return change(`Merge ${b.name} into ${a.name}`, { networks: doc.networks.filter((x) => x.id !== from), assignment });
}
