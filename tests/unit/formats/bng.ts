// British National Grid versions of the shared WGS84 layers, made inside the tests with proj4.
import { readFileSync } from 'node:fs';
import { BNG_GEOJSON_CRS, forEachPosition, wgs84ToBng } from '../../../src/core/io/crs';
import { sharedData } from '../io/helpers';

/** The shared GeoJSON file with every position in BNG metres; with ONS's `crs` member unless `unlabelled`. */
export function bngGeoJson(name: string, unlabelled = false): string {
  const doc = JSON.parse(readFileSync(sharedData(name), 'utf8')) as Record<string, unknown>;
  forEachPosition(doc, (p) => {
    const [e, n] = wgs84ToBng(p[0], p[1]);
    p[0] = e;
    p[1] = n;
  });
  return JSON.stringify(unlabelled ? doc : { type: doc.type, crs: BNG_GEOJSON_CRS, features: doc.features });
}
