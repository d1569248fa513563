import type { Network, NetworkId, PracticeCode } from '../../core/model';
import { colourFor } from '../palette';
import type { NetworkDef, PlanDoc } from '../types';
import { change, type Step } from './step';

/**
 * Replaces the networks and assignment with an assignment file's: networks already in the plan
 * keep their colour, lock and feature id; new ones are coloured by their position in the file.
 */
export function loadAssignment(
  doc: PlanDoc,
  args: {
    readonly assignment: ReadonlyMap<PracticeCode, NetworkId>;
    readonly networks: readonly Network[];
    readonly fileName: string;
    readonly nextFid: () => number;
  },
): Step {
  const previous = new Map(doc.networks.map((n) => [n.id, n]));
  const defs: NetworkDef[] = args.networks.map((n, i) =>
    previous.get(n.id)
      ? { ...previous.get(n.id)!, name: n.name }
      : { id: n.id, name: n.name, colour: colourFor(i), locked: false, fid: args.nextFid() },
  );
  return change(`Load assignment ${args.fileName}`, {
    networks: defs,
    assignment: args.assignment,
    sources: [...doc.sources.filter((f) => f.kind !== 'assignment'), { kind: 'assignment', name: args.fileName }],
  });
}
