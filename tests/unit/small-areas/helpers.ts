// Greater Manchester set-up for the small-area tests: real practices (January 2022 PCNs), LSOA
// 2011 polygons and NHS Digital's July 2022 registrations from ../shared/data, read in place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignmentFromTable, parsePractices } from '../../../src/core/io';
import { DEFAULT_BAND } from '../../../src/core/model';
import {
  parseSmallAreaLayer,
  readRegistrations,
  type Registrations,
  type SmallAreaLayer,
} from '../../../src/core/small-areas';
import type { PlanInput } from '../../../src/core/plan';
import { loadPracticesText } from '../../../src/state/loaders';
import { createPlannerStore, type PlannerStore } from '../../../src/state/store';

export const dataPath = (name: string) =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data', name);
export const readData = (name: string) => readFileSync(dataPath(name), 'utf8');

export function ok<T>(r: { ok: true; value: T } | { ok: false; errors: readonly { message: string }[] }): T {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

export interface GmCase {
  readonly input: PlanInput;
  readonly layer: SmallAreaLayer;
  readonly registrations: Registrations;
  readonly registrationsText: string;
}

let gm: GmCase | undefined;
export function gmCase(): GmCase {
  if (gm) return gm;
  const table = ok(parsePractices(readData('gm_practices_2022-01.geojson'), 'gm_practices_2022-01.geojson'));
  const { assignment, networks } = assignmentFromTable(table);
  const registrationsText = readData('gm_practice_lsoa_2022-07.csv');
  gm = {
    input: { practices: table.practices, networks, assignment, band: DEFAULT_BAND },
    layer: ok(parseSmallAreaLayer(readData('gm_lsoa2011_bgc.geojson'), 'gm_lsoa2011_bgc.geojson')),
    registrations: ok(readRegistrations(registrationsText, 'gm_practice_lsoa_2022-07.csv')),
    registrationsText,
  };
  return gm;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The recorded names, checksums and sizes of the GM small-area files (checksums stand-ins). */
export const LAYER_FILE = { name: 'gm_lsoa2011_bgc.geojson', sha256: 'a'.repeat(64), bytes: 1_857_058 };
export const REG_FILE = { name: 'gm_practice_lsoa_2022-07.csv', sha256: 'b'.repeat(64), bytes: 2_573_305 };

/** A store with the GM practices loaded and the GM LSOAs and registrations open. */
export function gmSmallAreaStore(): PlannerStore {
  const store = createPlannerStore();
  const loaded = loadPracticesText(store, readData('gm_practices_2022-01.geojson'), 'gm_practices_2022-01.geojson');
  if (loaded.kind !== 'loaded') throw new Error(`GM practices not loaded: ${loaded.kind}`);
  const gm = gmCase();
  store.getState().setSmallAreas({
    layer: gm.layer,
    layerFile: LAYER_FILE,
    registrations: gm.registrations,
    registrationsFile: REG_FILE,
  });
  return store;
}
