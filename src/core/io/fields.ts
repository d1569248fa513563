// Which column / property holds which practice field: detection by the usual names, or named by the caller.

/**
 * Column names that state British National Grid metres (ONSPD's oseast1m/osnrth1m and the
 * usual spellings): coordinates in them are reprojected, never refused.
 */
export const GRID_EAST = ['oseast1m', 'easting', 'eastings'] as const;
const GRID_NORTH = ['osnrth1m', 'northing', 'northings'] as const;

/** Usual names per field, most specific first; matched case-insensitively. */
export const FIELD_ALIASES = {
  code: ['practice_code', 'code', 'ods_code', 'org_code'],
  postcode: ['practice_postcode', 'postcode', 'post_code'],
  name: ['practice_name', 'name'],
  listSize: ['registered_patients', 'list_size', 'patients', 'population', 'number_of_patients'],
  lon: ['longitude', 'lon', 'lng', 'long', 'x', ...GRID_EAST],
  lat: ['latitude', 'lat', 'y', ...GRID_NORTH],
  network: ['pcn_code', 'network_id', 'network', 'pcn'],
  networkName: ['pcn_name', 'network_name'],
} as const;

export type FieldKey = keyof typeof FIELD_ALIASES;

/** Field names chosen by the caller (e.g. from the app's mapping dialog); override detection. */
export type FieldNames = { readonly [K in FieldKey]?: string };

/** Human labels used in messages. */
export const FIELD_LABELS: Record<FieldKey, string> = {
  code: 'practice code',
  name: 'practice name',
  postcode: 'postcode',
  listSize: 'list size',
  lon: 'longitude',
  lat: 'latitude',
  network: 'network',
  networkName: 'network name',
};

/** Fields a practice table cannot do without (longitude/latitude only when not in a geometry). */
const REQUIRED_FIELDS: readonly FieldKey[] = ['code', 'listSize', 'lon', 'lat'];

export interface DetectedFields {
  /** The header (as spelled in the file) used for each field; absent when none was found. */
  readonly code?: string;
  readonly name?: string;
  readonly postcode?: string;
  readonly listSize?: string;
  readonly lon?: string;
  readonly lat?: string;
  readonly network?: string;
  readonly networkName?: string;
  /** Required fields (code, listSize, lon, lat) with no column (including caller names not found). */
  readonly missing: readonly FieldKey[];
  /** Caller-named fields whose name is not a header of the file. */
  readonly notFound: readonly { readonly field: FieldKey; readonly name: string }[];
  /** Fields whose header appears more than once (ignoring case): which one is meant is unknown. */
  readonly ambiguous: readonly {
    readonly field: FieldKey;
    readonly headers: readonly string[];
    readonly positions: readonly number[];
  }[];
}

/**
 * Maps practice fields to headers. Caller names win; otherwise the first alias present
 * (case-insensitive, surrounding spaces ignored). Example:
 * `detectFields(['ODS_Code', 'Patients', 'X', 'Y'])` gives code "ODS_Code", listSize "Patients",
 * lon "X", lat "Y", missing []. Two "Patients" columns would make listSize ambiguous.
 */
export function detectFields(headers: readonly string[], names: FieldNames = {}): DetectedFields {
  const byLower = new Map<string, string>();
  for (const h of headers) {
    const key = h.trim().toLowerCase();
    if (!byLower.has(key)) byLower.set(key, h);
  }
  const found: Partial<Record<FieldKey, string>> = {};
  const notFound: { field: FieldKey; name: string }[] = [];
  for (const field of Object.keys(FIELD_ALIASES) as FieldKey[]) {
    const named = names[field];
    if (named !== undefined && named.trim() !== '') {
      const header = byLower.get(named.trim().toLowerCase());
      if (header === undefined) notFound.push({ field, name: named });
      else found[field] = header;
      continue;
    }
    // A shapefile's DBF cuts names to 10 characters (practice_code -> practice_c): those match too.
    for (const alias of FIELD_ALIASES[field]) {
      const header = byLower.get(alias) ?? (alias.length > 10 ? byLower.get(alias.slice(0, 10)) : undefined);
      if (header !== undefined) {
        found[field] = header;
        break;
      }
    }
  }
  const missing = REQUIRED_FIELDS.filter((f) => found[f] === undefined);
  const ambiguous: { field: FieldKey; headers: string[]; positions: number[] }[] = [];
  for (const field of Object.keys(found) as FieldKey[]) {
    const key = (found[field] as string).trim().toLowerCase();
    const positions = headers.flatMap((h, i) => (h.trim().toLowerCase() === key ? [i + 1] : []));
    if (positions.length > 1) ambiguous.push({ field, headers: positions.map((i) => headers[i - 1]), positions });
  }
  return { ...found, missing, notFound, ambiguous };
}
