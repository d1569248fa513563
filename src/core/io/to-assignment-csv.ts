// Assignment CSV: practice_code,practice_name,population,network_id,network_name.
import type { Assignment, Network, Practice } from '../model';
import { toCsv } from './csv-write';

const ASSIGNMENT_CSV_HEADER = ['practice_code', 'practice_name', 'population', 'network_id', 'network_name'] as const;

/**
 * One row per practice, in the given order; unassigned practices have empty network fields.
 * A network id missing from `networks` is written with its id as its name. Example row:
 * `P89002,"Dr Smith, Jones & Partners",8152,N1,North`. `parseAssignment` reads it back.
 */
export function toAssignmentCsv(
  practices: readonly Practice[],
  assignment: Assignment,
  networks: readonly Network[],
): string {
  const names = new Map(networks.map((n) => [n.id, n.name] as const));
  return toCsv(
    ASSIGNMENT_CSV_HEADER,
    practices.map((p) => {
      const id = assignment.get(p.code);
      return [p.code, p.name, p.listSize, id ?? '', id === undefined ? '' : (names.get(id) ?? id)];
    }),
  );
}
