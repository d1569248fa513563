// Comparison section of `npm run bench`: the national table's real PCNs against a copy in which
// every 10th assigned practice joins the network of its nearest practice in another network
// (about 640 moves touching about 780 networks). Times comparePlans over the shared cells (median
// of 7): moves, per-network before/after and the dissolve of the area each network gains and loses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePlans } from '../src/core/compare';
import { buildTessellation } from '../src/core/geometry';
import { assignmentFromTable, parseBoundary, parsePractices } from '../src/core/io';
import { DEFAULT_BAND, type NetworkId, type PracticeCode } from '../src/core/model';
import { evaluatePlan } from '../src/core/plan';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data');
const read = (f: string) => readFileSync(path.join(dataDir, f), 'utf8');

export function benchCompare() {
  const pr = parsePractices(read('england_practices_2022-01.csv'), 'england_practices_2022-01.csv', {
    fields: { network: 'pcn_code' },
  });
  const br = parseBoundary(read('england_icb_2022_ultragen.geojson'), 'england_icb_2022_ultragen.geojson');
  if (!pr.ok || !br.ok) throw new Error('bench-compare: the national files did not parse');
  const practices = pr.value.practices;
  const { assignment, networks } = assignmentFromTable(pr.value);
  const t = buildTessellation(practices, br.value);
  const assigned = practices.filter((p) => assignment.has(p.code));
  const after = new Map(assignment);
  assigned.forEach((p, i) => {
    if (i % 10) return;
    let best: NetworkId | undefined;
    let bestD = Infinity;
    for (const q of assigned) {
      const n = assignment.get(q.code)!;
      const d = (q.lon - p.lon) ** 2 + (q.lat - p.lat) ** 2;
      if (n !== assignment.get(p.code) && d < bestD) {
        bestD = d;
        best = n;
      }
    }
    if (best) after.set(p.code as PracticeCode, best);
  });
  const before = evaluatePlan({ practices, networks, assignment, band: DEFAULT_BAND }, t);
  const proposal = evaluatePlan({ practices, networks, assignment: after, band: DEFAULT_BAND }, t);
  const times: number[] = [];
  let result = comparePlans(before, proposal);
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    result = comparePlans(before, proposal);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    practicesMoved: result.changes.length,
    networksChanged: result.changedNetworks.length,
    areaChangingHandsKm2: Math.round(result.networks.reduce((s, n) => s + n.areaChangedKm2, 0) / 2),
    comparePlansMs: {
      median: Math.round(times[3] * 10) / 10,
      min: Math.round(times[0] * 10) / 10,
      max: Math.round(times[6] * 10) / 10,
    },
  };
}
