// Coordinate reference systems the planner reads and writes: WGS84 longitude/latitude and
// British National Grid (EPSG:27700) metres, converted with proj4 and the standard OSGB36
// Helmert transformation (about 5 m accuracy without the OSTN15 grid: fine for planning).
import proj4 from 'proj4';

// Local copy: text-input imports this module, so importing its isRecord would be circular.
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const CRS = { wgs84: 'EPSG:4326', bng: 'EPSG:27700' } as const;
export type Crs = (typeof CRS)[keyof typeof CRS];

proj4.defs(
  CRS.bng,
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
    '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
);
const bngConverter = proj4(CRS.bng, 'EPSG:4326');

/** The `crs` member ONS writes in British National Grid GeoJSON. */
export const BNG_GEOJSON_CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } } as const;

/** The ESRI .prj text for British National Grid (what ONS and GDAL write). */
export const BNG_PRJ =
  'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1849",6377563.396,299.3249646]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],' +
  'PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],' +
  'PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]';

/** The ESRI .prj text for WGS84 longitude/latitude. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const round = (v: number, decimals: number) => {
  const s = 10 ** decimals;
  return Math.round(v * s) / s;
};

/** Easting/northing in metres -> [longitude, latitude] in WGS84 degrees (7 decimals, about 1 cm). */
export function bngToWgs84(easting: number, northing: number): [number, number] {
  const [lon, lat] = bngConverter.forward([easting, northing]);
  return [round(lon, 7), round(lat, 7)];
}

/** [longitude, latitude] in WGS84 degrees -> [easting, northing] in metres (2 decimals). */
export function wgs84ToBng(lon: number, lat: number): [number, number] {
  const [e, n] = bngConverter.inverse([lon, lat]);
  return [round(e, 2), round(n, 2)];
}

/**
 * A CRS name as written in GeoJSON, a .prj-free option or a user's typing:
 * "EPSG:27700", "urn:ogc:def:crs:EPSG::27700", "27700", "BNG" -> EPSG:27700; "EPSG:4326",
 * "urn:ogc:def:crs:OGC:1.3:CRS84", "WGS84" -> EPSG:4326; anything else null.
 */
export function crsFromName(name: string): Crs | null {
  const s = name.trim().toUpperCase();
  if (
    /(^|[:/])(EPSG[:/]+(\d+[:.])?)?27700$/.test(s) ||
    s === 'BNG' ||
    s === 'OSGB36' ||
    /BRITISH.NATIONAL.GRID/.test(s)
  )
    return CRS.bng;
  if (/(^|[:/])(EPSG[:/]+(\d+[:.])?)?4326$/.test(s) || /CRS84$/.test(s) || s === 'WGS84') return CRS.wgs84;
  return null;
}

/** The CRS an ESRI .prj (WKT) describes, or null when it is neither British National Grid nor WGS84. */
export function crsFromPrj(wkt: string): Crs | null {
  const s = wkt.toUpperCase();
  if (/BRITISH_NATIONAL_GRID|OSGB[ _]?1936[ _/]*BRITISH[ _]NATIONAL[ _]GRID|"EPSG","27700"/.test(s)) return CRS.bng;
  if (!s.includes('PROJCS') && /WGS[ _]?(19)?84/.test(s)) return CRS.wgs84;
  return null;
}

export type GeoJsonCrs =
  | { readonly kind: 'none' }
  | { readonly kind: 'known'; readonly crs: Crs }
  | { readonly kind: 'other'; readonly name: string };

/** What a GeoJSON document's `crs` member (GeoJSON 2008; ONS still writes it) says. */
export function geoJsonCrs(doc: unknown): GeoJsonCrs {
  if (!isRecord(doc) || doc.crs === undefined || doc.crs === null) return { kind: 'none' };
  const props = isRecord(doc.crs) && isRecord(doc.crs.properties) ? doc.crs.properties : {};
  const name =
    typeof props.name === 'string'
      ? props.name
      : typeof props.code === 'number'
        ? `EPSG:${props.code}`
        : JSON.stringify(doc.crs);
  const crs = crsFromName(name);
  return crs ? { kind: 'known', crs } : { kind: 'other', name };
}

/** Calls `visit` on every position array ([x, y, ...]) of every geometry in a GeoJSON document. */
export function forEachPosition(doc: unknown, visit: (p: number[]) => void): void {
  const coords = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') visit(c as number[]);
    else for (const x of c) coords(x);
  };
  const geometry = (g: unknown, depth: number): void => {
    if (!isRecord(g) || depth > 64) return;
    if (g.type === 'GeometryCollection' && Array.isArray(g.geometries))
      for (const x of g.geometries) geometry(x, depth + 1);
    else coords(g.coordinates);
  };
  if (!isRecord(doc)) return;
  if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    for (const f of doc.features) if (isRecord(f)) geometry(f.geometry, 0);
  } else if (doc.type === 'Feature') geometry(doc.geometry, 0);
  else geometry(doc, 0);
}

/** The first position of a GeoJSON document, or null when it has none. */
export function firstPosition(doc: unknown): number[] | null {
  let first: number[] | null = null;
  forEachPosition(doc, (p) => {
    first ??= p;
  });
  return first;
}

/**
 * Reprojects every position of a GeoJSON document from British National Grid to WGS84 in place
 * (for documents the caller has just parsed and owns) and removes its `crs` member, so what
 * follows is plain RFC 7946. Positions that are not finite number pairs are left for the
 * parser's own checks. Returns the number of positions converted.
 */
export function reprojectBngDocument(doc: unknown): number {
  let n = 0;
  forEachPosition(doc, (p) => {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return;
    const [lon, lat] = bngToWgs84(p[0], p[1]);
    p[0] = lon;
    p[1] = lat;
    n += 1;
  });
  if (isRecord(doc)) delete doc.crs;
  return n;
}
