// Libraries that ship no type declarations: the parts the planner uses.
// shpjs 6
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp, reprojected with `trans` (a proj4 converter) when given. */
  export function parseShp(shp: DataView, trans?: unknown): (Geometry | null)[];
  /** Rows of a .dbf, text decoded with the encoding named by `cpg` (UTF-8 when absent). */
  export function parseDbf(dbf: DataView, cpg?: string): Record<string, unknown>[];
}

// tokml 0.4 ships no type declarations either.
declare module 'tokml' {
  import type { FeatureCollection } from 'geojson';
  interface TokmlOptions {
    readonly documentName?: string;
    readonly documentDescription?: string;
    /** Property used as each Placemark's name. */
    readonly name?: string;
    readonly description?: string;
  }
  export default function tokml(geojson: FeatureCollection, options?: TokmlOptions): string;
}
