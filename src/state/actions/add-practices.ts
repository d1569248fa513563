import type { Network, NetworkId, Practice, PracticeCode } from '../../core/model';
import { colourFor } from '../palette';
import type { PlanDoc, SourceFile } from '../types';
import { change, type Step } from './step';

/**
 * Adds a practices file to the plan: its practices replace any with the same code (and those
 * practices' networks), networks not yet in the plan are added, and the file joins the sources.
 */
export function addPractices(
  doc: PlanDoc,
  args: {
    readonly practices: readonly Practice[];
    readonly networks: readonly Network[];
    readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
    readonly source: SourceFile;
    readonly nextFid: () => number;
  },
): Step {
  const incoming = new Set(args.practices.map((p) => p.code));
  const known = new Set(doc.networks.map((n) => n.id as string));
  const defs = [
    ...doc.networks,
    ...args.networks
      .filter((n) => !known.has(n.id))
      .map((n, i) => ({
        id: n.id,
        name: n.name,
        colour: colourFor(doc.networks.length + i),
        locked: false,
        fid: args.nextFid(),
      })),
  ];
  return change(`Add ${args.source.name}`, {
    practices: [...doc.practices.filter((p) => !incoming.has(p.code)), ...args.practices],
    networks: defs,
    assignment: new Map([...doc.assignment].filter(([code]) => !incoming.has(code)).concat([...args.assignment])),
    sources: [...doc.sources.filter((f) => f.name !== args.source.name), args.source],
  });
}
