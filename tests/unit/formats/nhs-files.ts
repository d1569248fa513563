// NHS Digital and ONS file layouts built inside the tests from the shared practice table (never
// committed): gp-reg-pat-prac-all.csv, gp-reg-pat-prac-map.csv and an ONSPD-layout postcode
// lookup, with the published headers and CRLF line ends.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { wgs84ToBng } from '../../../src/core/io/crs';
import { sharedData } from '../io/helpers';

export type Row = Record<string, string>;

export const practiceRows = (name = 'gm_practices_2022-01.csv'): Row[] =>
  Papa.parse<Row>(readFileSync(sharedData(name), 'utf8'), { header: true, skipEmptyLines: true }).data;

const quote = (v: string | number, always: boolean) => {
  const s = String(v);
  return always || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const csvText = (header: readonly string[], rows: readonly (readonly (string | number)[])[], quoteAll = false) =>
  `${[header, ...rows].map((r) => r.map((v) => quote(v, quoteAll)).join(',')).join('\r\n')}\r\n`;

/** gp-reg-pat-prac-all.csv as NHS Digital publishes it (all persons, all ages). */
export function listSizeCsv(rows: readonly Row[]): string {
  return csvText(
    [
      'PUBLICATION',
      'EXTRACT_DATE',
      'TYPE',
      'CCG_CODE',
      'ONS_CCG_CODE',
      'CODE',
      'POSTCODE',
      'SEX',
      'AGE',
      'NUMBER_OF_PATIENTS',
    ],
    rows.map((r) => [
      'GP_PRAC_PAT_LIST',
      '01Jan2022',
      'GP',
      r.ccg_code,
      r.ccg_ons_code,
      r.practice_code,
      r.practice_postcode,
      'ALL',
      'ALL',
      r.registered_patients,
    ]),
  );
}

/** gp-reg-pat-prac-map.csv as NHS Digital publishes it. */
export function mappingCsv(rows: readonly Row[]): string {
  return csvText(
    [
      'PUBLICATION',
      'EXTRACT_DATE',
      'PRACTICE_CODE',
      'PRACTICE_NAME',
      'PRACTICE_POSTCODE',
      'ONS_CCG_CODE',
      'CCG_CODE',
      'CCG_NAME',
      'PCN_CODE',
      'PCN_NAME',
      'STP_CODE',
      'ONS_STP_CODE',
      'STP_NAME',
      'COMM_REGION_CODE',
      'ONS_COMM_REGION_CODE',
      'COMM_REGION_NAME',
    ],
    rows.map((r) => [
      'GP_PRAC_PAT_LIST',
      '01Jan2022',
      r.practice_code,
      r.practice_name,
      r.practice_postcode,
      r.ccg_ons_code,
      r.ccg_code,
      r.ccg_name,
      r.pcn_code,
      r.pcn_name,
      r.stp_code,
      r.stp_ons_code,
      r.stp_name,
      r.region_code,
      r.region_ons_code,
      r.region_name,
    ]),
  );
}

/** ONSPD's 7-character pcd ("M1  1AE"), 8-character pcd2 ("M1   1AE") and pcds ("M1 1AE"). */
function postcodeForms(postcode: string): [string, string, string] {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  return [outward.padEnd(4, ' ') + inward, outward.padEnd(5, ' ') + inward, `${outward} ${inward}`];
}

export interface LookupOptions {
  /** Postcodes (as in the table) written with a doterm. */
  readonly terminated?: ReadonlySet<string>;
  /** Leave lat/long as ONSPD's "no grid reference" values so only eastings/northings locate. */
  readonly gridOnly?: boolean;
}

/**
 * An ONSPD-layout lookup (the columns the planner uses among others, every value quoted as ONS
 * writes them) for every postcode of the table, eastings/northings computed with proj4, plus
 * filler postcodes that no practice uses.
 */
export function onspdCsv(rows: readonly Row[], opts: LookupOptions = {}): string {
  const header = [
    'pcd',
    'pcd2',
    'pcds',
    'dointr',
    'doterm',
    'oscty',
    'ced',
    'oslaua',
    'osward',
    'usertype',
    'oseast1m',
    'osnrth1m',
    'osgrdind',
    'oshlthau',
    'ctry',
    'lsoa11',
    'lat',
    'long',
  ];
  const seen = new Set<string>();
  const out: (string | number)[][] = [];
  for (const r of rows) {
    const key = r.practice_postcode.replace(/\s+/g, '').toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const [e, n] = wgs84ToBng(Number(r.longitude), Number(r.latitude));
    const doterm = opts.terminated?.has(r.practice_postcode) ? '202106' : '';
    out.push([
      ...postcodeForms(r.practice_postcode),
      '198001',
      doterm,
      'E99999999',
      'E99999999',
      'E08000003',
      'E05011111',
      '0',
      Math.round(e),
      Math.round(n),
      '1',
      'E18000002',
      'E92000001',
      'E01000001',
      opts.gridOnly ? '99.999999' : r.latitude,
      opts.gridOnly ? '0.000000' : r.longitude,
    ]);
  }
  for (let i = 0; i < 50; i++)
    out.push([
      ...postcodeForms(`ZZ${i} 9ZZ`),
      '198001',
      '',
      '',
      '',
      '',
      '',
      '0',
      383000 + i,
      398000,
      '1',
      '',
      'E92000001',
      '',
      '53.478',
      '-2.2',
    ]);
  return csvText(header, out, true);
}
