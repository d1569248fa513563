// Real-data set-ups shared by the align tests: Trafford localities and GM boroughs against networks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTessellation } from '../../../src/core/geometry';
import { assignmentFromTable, parseBoundary, parsePractices } from '../../../src/core/io';
import { DEFAULT_BAND, type Boundary } from '../../../src/core/model';
import { evaluatePlan, type PlanResult } from '../../../src/core/plan';
import { parseServiceAreas, type ServiceAreas } from '../../../src/core/align';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const dataPath = (name: string) => path.resolve(repoRoot, '../shared/data', name);
export const readData = (name: string) => readFileSync(dataPath(name), 'utf8');

function ok<T>(r: { ok: true; value: T } | { ok: false; errors: readonly { message: string }[] }): T {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

export interface RealCase {
  readonly plan: PlanResult;
  readonly services: ServiceAreas;
  readonly boundary: Boundary;
}

function planFrom(practicesFile: string, networkField: string, boundary: Boundary): PlanResult {
  const table = ok(
    parsePractices(readData(practicesFile), practicesFile, {
      fields: {
        network: networkField,
        ...(networkField === 'pcn_code_2022_01' ? { networkName: 'pcn_name_2022_01' } : {}),
      },
    }),
  );
  const { assignment, networks } = assignmentFromTable(table);
  const t = buildTessellation(table.practices, boundary);
  return evaluatePlan({ practices: table.practices, networks, assignment, band: DEFAULT_BAND }, t);
}

let trafford: RealCase | undefined;
/** Trafford's 26 practices with their January 2022 PCNs; study area = the four localities dissolved. */
export function traffordCase(): RealCase {
  if (trafford) return trafford;
  const text = readData('trafford_localities_2023.geojson');
  const boundary = ok(parseBoundary(text, 'trafford_localities_2023.geojson'));
  const services = ok(parseServiceAreas(text, 'trafford_localities_2023.geojson'));
  trafford = { plan: planFrom('trafford_practices_2026-01.csv', 'pcn_code_2022_01', boundary), services, boundary };
  return trafford;
}

let gm: RealCase | undefined;
/** GM's 426 practices with their 2022 PCNs; study area = the combined authority; the ten boroughs as service areas. */
export function gmCase(): RealCase {
  if (gm) return gm;
  const boundary = ok(
    parseBoundary(readData('gm_combined_authority_2023_bgc.geojson'), 'gm_combined_authority_2023_bgc.geojson'),
  );
  const services = ok(
    parseServiceAreas(
      readData('gm_local_authorities_2023_bgc.geojson'),
      'gm_local_authorities_2023_bgc.geojson',
      'lad23nm',
    ),
  );
  gm = { plan: planFrom('gm_practices_2022-01.csv', 'pcn_code', boundary), services, boundary };
  return gm;
}
