// A small-area layer (LSOAs, data zones...): polygons with a unique code per feature. The code
// field is named by the user or detected (lsoa11cd, lsoa21cd, code...).
import type { Position } from 'geojson';
import { BNG_ADVICE, looksLikeBng } from '../io/coordinates';
import { readFeatureLayer } from '../io/feature-layer';
import { IssueLog } from '../io/issues';
import { readPolygons } from '../io/read-polygons';
import { cellText, isRecord } from '../io/text-input';
import type { Result } from '../model';

export interface SmallAreaLayer {
  readonly fileName: string;
  /** The property holding each area's code. */
  readonly codeField: string;
  /** Per area, in file order. */
  readonly codes: readonly string[];
  /** Per area: its polygons (rings of [lon, lat], closed, outer ring first). */
  readonly polygons: readonly Position[][][][];
}

/** Field names tried in order, any case; then any other property ending in "cd" that is unique. */
const SMALL_AREA_CODE_FIELDS = [
  'lsoa11cd',
  'lsoa21cd',
  'lsoa_code',
  'lsoacd',
  'dz11cd',
  'dzcode',
  'code',
  'area_code',
] as const;

/** The code field: the one named (any case), or a recognised name present in the first feature. */
function detectCodeField(props: readonly Record<string, unknown>[], named: string | undefined): string | null {
  const keys = Object.keys(props[0] ?? {});
  const byLower = new Map(keys.map((k) => [k.toLowerCase(), k]));
  if (named !== undefined) return byLower.get(named.toLowerCase()) ?? null;
  for (const f of SMALL_AREA_CODE_FIELDS) {
    const k = byLower.get(f);
    if (k !== undefined) return k;
  }
  const unique = keys.filter((k) => /cd$/i.test(k) && new Set(props.map((p) => cellText(p[k]))).size === props.length);
  return unique[0] ?? null;
}

/**
 * Example: `parseSmallAreaLayer(text, 'lsoa.geojson')` -> codes from lsoa11cd and one entry of
 * polygons per feature. Errors: not polygons, a missing or repeated code, British National Grid.
 */
export function parseSmallAreaLayer(text: string, fileName: string, field?: string): Result<SmallAreaLayer> {
  const log = new IssueLog(fileName);
  const features = readFeatureLayer(
    text,
    log,
    'has no small areas: expected a GeoJSON FeatureCollection of Polygon or MultiPolygon features, each with a code such as lsoa11cd',
  );
  if (!features) return log.fail();
  const props = features.map((f) => (isRecord(f) && isRecord(f.properties) ? f.properties : {}));
  const codeField = detectCodeField(props, field);
  if (codeField === null) {
    const keys = Object.keys(props[0] ?? {});
    const fields = keys.length ? `; fields present: ${keys.join(', ')}` : '';
    log.error(
      'layer',
      field ? { field } : {},
      field
        ? `no feature has the field "${field}"${fields}`
        : `has no small-area code field (tried ${SMALL_AREA_CODE_FIELDS.join(', ')}); name it with --small-area-field${fields}`,
    );
    return log.fail();
  }
  const codes: string[] = [];
  const polygons: Position[][][][] = [];
  const firstSeen = new Map<string, number>();
  let bngReported = false;
  features.forEach((f, k) => {
    const where = `feature ${k}`;
    if (!isRecord(f)) {
      log.error('feature', { where }, 'is not a GeoJSON Feature');
      return;
    }
    const code = cellText(props[k][codeField]);
    if (code === '') {
      log.error('code', { where, field: codeField }, `has no ${codeField}`);
      return;
    }
    const before = firstSeen.get(code);
    if (before !== undefined) {
      log.error(
        'code',
        { where, field: codeField },
        `${codeField} "${code}" repeats feature ${before}; every small area needs its own code`,
      );
      return;
    }
    firstSeen.set(code, k);
    const parts = readPolygons(f.geometry, `${where} (${code})`, log);
    const bng = parts.length > 0 && parts[0][0].find(([x, y]) => looksLikeBng(x, y));
    if (bng) {
      if (!bngReported) log.error('coordinate', { where }, `coordinates ${bng[0]}, ${bng[1]} ${BNG_ADVICE}`);
      bngReported = true;
      return;
    }
    if (parts.length === 0) return;
    codes.push(code);
    polygons.push(parts);
  });
  return log.result(() => ({ fileName, codeField, codes, polygons }));
}
