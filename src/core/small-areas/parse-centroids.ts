// Population-weighted centroids of small areas (ONS publishes one per LSOA): a CSV with the area
// code and longitude/latitude. The nearest-practice fallback measures from these when given.
import { BNG_ADVICE, looksLikeBng } from '../io/coordinates';
import { readCsv } from '../io/csv-read';
import { IssueLog } from '../io/issues';
import { checkText } from '../io/text-input';
import { parseDecimal } from '../io/values';
import type { Result } from '../model';

const CODE_COLUMNS = ['lsoa11cd', 'lsoa21cd', 'lsoa_code', 'code', 'area_code'];
const LON_COLUMNS = ['longitude', 'lon', 'lng', 'long', 'x'];
const LAT_COLUMNS = ['latitude', 'lat', 'y'];

/** Example: `parseCentroids(text, 'lsoa_pwc.csv').value.get('E01000001')` -> [-0.096276, 51.519643]. */
export function parseCentroids(text: string, fileName: string): Result<ReadonlyMap<string, readonly [number, number]>> {
  const log = new IssueLog(fileName);
  const body = checkText(text, log);
  if (body === null) return log.fail();
  const table = readCsv(body, log);
  if (!table) return log.fail();
  const lower = table.header.map((h) => h.toLowerCase());
  const pick = (names: readonly string[]) => names.map((n) => lower.indexOf(n)).find((i) => i >= 0) ?? -1;
  const code = pick(CODE_COLUMNS),
    lon = pick(LON_COLUMNS),
    lat = pick(LAT_COLUMNS);
  if (code < 0 || lon < 0 || lat < 0) {
    log.error(
      'header',
      { where: `line ${table.headerLine}` },
      `expected columns for the area code (${CODE_COLUMNS.join('/')}), longitude and latitude; found ${table.header.join(', ')}`,
    );
    return log.fail();
  }
  const out = new Map<string, readonly [number, number]>();
  for (const row of table.rows) {
    const where = `line ${row.line}`;
    const c = (row.cells[code] ?? '').trim();
    const x = parseDecimal(row.cells[lon]),
      y = parseDecimal(row.cells[lat]);
    if (c === '' || x === null || y === null) {
      log.error('centroid', { where }, 'needs an area code, a longitude and a latitude');
      continue;
    }
    if (looksLikeBng(x, y)) {
      log.error('coordinate', { where }, `coordinates ${x}, ${y} ${BNG_ADVICE}`);
      continue;
    }
    if (out.has(c)) log.warning('duplicateCode', { where }, `area ${c} appears again; kept the first centroid`);
    else out.set(c, [x, y]);
  }
  return log.result(() => out);
}
