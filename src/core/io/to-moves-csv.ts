// Moves CSV: practice_code,practice_name,population,from_network_id,to_network_id. Written by
// `cluster --moves-out` and `compare --out`, so a repair's moves and a comparison of its input
// and output are the same file.
import type { NetworkId } from '../model';
import { toCsv } from './csv-write';

const MOVES_CSV_HEADER = ['practice_code', 'practice_name', 'population', 'from_network_id', 'to_network_id'] as const;

export interface MoveRow {
  readonly practiceCode: string;
  readonly practiceName: string;
  readonly population: number;
  /** null = unassigned (written as an empty field). */
  readonly from: NetworkId | null;
  readonly to: NetworkId | null;
}

/** Example row: `P89002,"Dr Smith, Jones & Partners",8152,U1,` (moved from U1 to no network). */
export function toMovesCsv(moves: readonly MoveRow[]): string {
  return toCsv(
    MOVES_CSV_HEADER,
    moves.map((m) => [m.practiceCode, m.practiceName, m.population, m.from ?? '', m.to ?? '']),
  );
}
