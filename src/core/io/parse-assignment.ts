// Assignment CSV (practice_code,network_id[,network_name]) -> practice -> network map.
import type { Network, NetworkId, Practice, PracticeCode, Result } from '../model';
import { networkId, practiceCode } from '../model';
import { readCsv, type CsvRow } from './csv-read';
import { FIELD_ALIASES } from './fields';
import { IssueLog } from './issues';
import { DEFAULT_MAX_BYTES, checkText } from './text-input';
import { isNoNetwork } from './values';

export interface AssignmentTable {
  readonly assignment: Map<PracticeCode, NetworkId>;
  /** Networks in order of first appearance. */
  readonly networks: Network[];
  /** Practice names from a practice_name column (NHS Digital's mapping file has one); empty without it. */
  readonly practiceNames?: Map<PracticeCode, string>;
}

/**
 * Practices whose name is only their code (a list-size file has no names) named from `names`.
 * Example: `withPracticeNames([{ code: 'P1', name: 'P1', … }], new Map([['P1', 'THE SURGERY']]))`.
 */
export function withPracticeNames(
  practices: readonly Practice[],
  names: ReadonlyMap<PracticeCode, string> | undefined,
): Practice[] {
  if (!names) return [...practices];
  return practices.map((p) => {
    const name = names.get(p.code);
    return name && p.name === p.code ? { ...p, name } : p;
  });
}

/** An assignment CSV as read: the table plus every code it lists. */
export interface AssignmentFile extends AssignmentTable {
  /** Every practice code the file lists (assigned, unassigned or unknown), in file order. */
  readonly listed: PracticeCode[];
}

export interface ParseAssignmentOptions {
  /** Refuse longer text (default 200 MB). */
  readonly maxBytes?: number;
}

const CODE_HEADERS: readonly string[] = FIELD_ALIASES.code;
const NETWORK_HEADERS: readonly string[] = ['network_id', 'network', 'pcn_code', 'pcn'];
const NAME_HEADERS: readonly string[] = ['network_name', 'pcn_name'];

const findColumn = (lower: readonly string[], names: readonly string[]) => {
  for (const n of names) {
    const i = lower.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
};

interface Columns {
  readonly code: number;
  readonly network: number;
  readonly name: number;
  readonly practiceName: number;
  readonly rows: readonly CsvRow[];
}

// A header is recognised by its names; a file without one is accepted when its first cell is a
// known practice code (columns then read as code, network id, network name).
function columnsOf(
  header: readonly string[],
  headerLine: number,
  rows: readonly CsvRow[],
  known: ReadonlySet<string>,
  log: IssueLog,
): Columns | null {
  const lower = header.map((h) => h.trim().toLowerCase());
  const code = findColumn(lower, CODE_HEADERS);
  const network = findColumn(lower, NETWORK_HEADERS);
  if (code >= 0 && network >= 0) {
    const name = findColumn(lower, NAME_HEADERS);
    for (const c of [code, network, name]) {
      const same = lower.flatMap((h, i) => (c >= 0 && h === lower[c] ? [i + 1] : []));
      if (same.length > 1)
        log.error(
          'field',
          { field: header[c] },
          `columns ${same.join(' and ')} are ${same.length === 2 ? 'both' : 'all'} named "${header[c]}", so which to use is ambiguous; rename or remove all but one`,
        );
    }
    return log.errorCount > 0
      ? null
      : { code, network, name, practiceName: findColumn(lower, ['practice_name']), rows };
  }
  if (header.length >= 2 && known.has(header[0].trim())) {
    return {
      code: 0,
      network: 1,
      name: header.length > 2 ? 2 : -1,
      practiceName: -1,
      rows: [{ line: headerLine, cells: header }, ...rows],
    };
  }
  log.error(
    'field',
    {},
    `has no practice code and network id columns; expected a header such as practice_code,network_id,network_name (found: ${header.join(', ')})`,
  );
  return null;
}

/**
 * Reads an assignment CSV against the loaded practices. Unknown practices and repeated rows are
 * warnings (row ignored); a practice given two different networks is an error. Example:
 * `parseAssignment('practice_code,network_id\nP1,N1\n', 'a.csv', practices)` ->
 * `{ ok: true, value: { assignment: Map { P1 => N1 }, networks: [{ id: 'N1', name: 'N1' }] } }`.
 */
export function parseAssignment(
  text: string,
  fileName: string,
  practices: readonly Practice[],
  opts: ParseAssignmentOptions = {},
): Result<AssignmentFile> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (body === null) return log.fail();
  const table = readCsv(body, log);
  if (!table) return log.fail();
  const known = new Set<string>(practices.map((p) => p.code));
  const cols = columnsOf(table.header, table.headerLine, table.rows, known, log);
  if (!cols) return log.fail();

  const assignment = new Map<PracticeCode, NetworkId>();
  const firstRow = new Map<string, { where: string; network: string }>();
  const networks = new Map<string, { name: string; where: string }>();
  const practiceNames = new Map<PracticeCode, string>();
  for (const row of cols.rows) {
    const where = `line ${row.line}`;
    const code = (row.cells[cols.code] ?? '').trim();
    const network = (row.cells[cols.network] ?? '').trim();
    const name = cols.name >= 0 ? (row.cells[cols.name] ?? '').trim() : '';
    if (!code) {
      log.error('missingPracticeCode', { where }, 'practice code is missing');
      continue;
    }
    const loc = { where, practiceCode: code };
    const unassigned = isNoNetwork(network);
    const first = firstRow.get(code);
    if (first) {
      if (first.network === network)
        log.warning('repeatedRow', loc, `practice ${code} is listed again (first at ${first.where}); row ignored`);
      else
        log.error(
          'conflictingRow',
          loc,
          `practice ${code} is given network "${network}" here but "${first.network}" at ${first.where}`,
        );
      continue;
    }
    firstRow.set(code, { where, network });
    if (!known.has(code)) {
      log.warning('rowUnknownPractice', loc, `practice ${code} is not in the practice table; row ignored`);
      continue;
    }
    const practiceName = cols.practiceName >= 0 ? (row.cells[cols.practiceName] ?? '').trim() : '';
    if (practiceName) practiceNames.set(practiceCode(code), practiceName);
    if (unassigned) continue;
    assignment.set(practiceCode(code), networkId(network));
    const seen = networks.get(network);
    if (!seen) networks.set(network, { name: name || network, where });
    else if (name && name !== seen.name && seen.name !== network) {
      log.warning(
        'networkNameConflict',
        loc,
        `network ${network} is named "${name}" here but "${seen.name}" at ${seen.where}; kept "${seen.name}"`,
      );
    } else if (name && seen.name === network) networks.set(network, { name, where });
  }

  const missing = practices.filter((p) => !firstRow.has(p.code));
  if (missing.length > 0 && log.errorCount === 0) {
    const examples = missing
      .slice(0, 5)
      .map((p) => p.code)
      .join(', ');
    log.warning(
      'noNetwork',
      {},
      `${missing.length} of ${practices.length} practices are not in this file and stay unassigned (${examples}${missing.length > 5 ? ', …' : ''})`,
    );
  }
  return log.result(() => ({
    assignment,
    networks: [...networks].map(([id, n]) => ({ id: networkId(id), name: n.name })),
    practiceNames,
    listed: [...firstRow.keys()].map(practiceCode),
  }));
}
