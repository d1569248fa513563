// How a new network is named and shown: the first free id N<k> and the palette colour of its position.
import { networkId, type NetworkId } from '../../core/model';
import { colourFor } from '../palette';
import type { NetworkDef, PlanDoc } from '../types';

export const networkById = (doc: PlanDoc, id: NetworkId | undefined) =>
  id === undefined ? undefined : doc.networks.find((n) => n.id === id);

export const isLocked = (doc: PlanDoc, id: NetworkId | undefined) => networkById(doc, id)?.locked === true;

/** The first `N<k>` from k = (number of networks + 1) that no network has. */
export function freshNetworkId(doc: PlanDoc): NetworkId {
  const used = new Set(doc.networks.map((n) => n.id as string));
  let k = doc.networks.length + 1;
  while (used.has(`N${k}`)) k++;
  return networkId(`N${k}`);
}

/** A new, unlocked network coloured by its position `index`; `fid` is its map feature id. */
export const newNetworkDef = (id: NetworkId, name: string, index: number, fid: number): NetworkDef => ({
  id,
  name,
  colour: colourFor(index),
  locked: false,
  fid,
});

/** The networks with `edit` applied to network `id`. */
export const withNetwork = (doc: PlanDoc, id: NetworkId, edit: Partial<NetworkDef>) =>
  doc.networks.map((x) => (x.id === id ? { ...x, ...edit } : x));
