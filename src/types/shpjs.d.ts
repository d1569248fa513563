// shpjs 6 ships no type declarations: the parts the planner uses.
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp, reprojected with `trans` (a proj4 converter) when given. */
  export function parseShp(shp: DataView, trans?: unknown): (Geometry | null)[];
  /** Rows of a .dbf, text decoded with the encoding named by `cpg` (UTF-8 when absent). */
  export function parseDbf(dbf: DataView, cpg?: string): Record<string, unknown>[];
}
