// The assignment carried by the practice file itself (e.g. its pcn_code / pcn_name columns).
import type { Network, NetworkId, PracticeCode } from '../model';
import type { AssignmentTable } from './parse-assignment';
import type { PracticeTable } from './parse-practices';

/**
 * Practice -> network from `table.networkOf`, with the networks in order of first appearance
 * (each named as its first member's row names it). Empty when the table has no network field.
 */
export function assignmentFromTable(table: PracticeTable): AssignmentTable {
  const assignment = new Map<PracticeCode, NetworkId>();
  const networks = new Map<NetworkId, Network>();
  if (!table.networkOf) return { assignment, networks: [] };
  for (const p of table.practices) {
    const n = table.networkOf.get(p.code);
    if (!n) continue;
    assignment.set(p.code, n.id);
    if (!networks.has(n.id)) networks.set(n.id, { id: n.id, name: n.name });
  }
  return { assignment, networks: [...networks.values()] };
}
