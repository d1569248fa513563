// The population health section of `npm run bench`: what --deprivation adds to the national
// small-area build (read IMD 2019 for 32,844 LSOAs, profile 6,409 practices' registrations, figures
// for 1,234 networks) and to one practice moved (the two networks it touches recomputed).
import { deprivationByNetwork, parseDeprivation, practiceDeprivation } from '../src/core/deprivation';
import { assignmentFromTable, parsePractices } from '../src/core/io';
import { DEFAULT_BAND, type NetworkId } from '../src/core/model';
import { readRegistrations } from '../src/core/small-areas';
import { firstAndMedian, parkMiller, quantile, readShared, time } from './bench-util';

const read = readShared;
const ms = (x: number) => Math.round(x * 10) / 10;
const ms3 = (x: number) => Math.round(x * 1000) / 1000;

export function benchDeprivation() {
  const pr = parsePractices(read('england_practices_2022-01.csv'), 'england_practices_2022-01.csv');
  const reg = readRegistrations(read('england_practice_lsoa_2022-07.csv'), 'england_practice_lsoa_2022-07.csv');
  if (!pr.ok || !reg.ok) throw new Error('cannot read the national practice or registrations file');
  const { assignment, networks } = assignmentFromTable(pr.value);
  const input = { practices: pr.value.practices, networks, assignment, band: DEFAULT_BAND };
  const imdText = read('england_imd2019_lsoa2011.csv');

  const runs: { parseMs: number; profileMs: number; figuresMs: number }[] = [];
  let profile = null as ReturnType<typeof practiceDeprivation> | null;
  let figures = new Map<
    NetworkId,
    ReturnType<typeof deprivationByNetwork> extends Map<NetworkId, infer F> ? F : never
  >();
  for (let i = 0; i < 5; i++) {
    const [table, parseMs] = time(() => parseDeprivation(imdText, 'england_imd2019_lsoa2011.csv'));
    if (!table.ok) throw new Error('cannot read england_imd2019_lsoa2011.csv');
    const [p, profileMs] = time(() => practiceDeprivation(reg.value, table.value));
    const [f, figuresMs] = time(() => deprivationByNetwork(p, input));
    profile = p;
    figures = f;
    runs.push({ parseMs, profileMs, figuresMs });
  }
  const totals = runs.map((r) => r.parseMs + r.profileMs + r.figuresMs);

  const rand = parkMiller(42);
  const moveMs: number[] = [];
  let current = input;
  for (let k = 0; k < 1000; k++) {
    const p = input.practices[Math.floor(rand() * input.practices.length)];
    const to = networks[Math.floor(rand() * networks.length)].id;
    const from = current.assignment.get(p.code);
    current = { ...current, assignment: new Map(current.assignment).set(p.code, to) };
    const [f, dt] = time(() =>
      deprivationByNetwork(profile!, current, figures, from === undefined ? [to] : [from, to]),
    );
    figures = f;
    moveMs.push(dt);
  }
  return {
    data: { lsoas: 32_844, registrationRows: reg.value.rowCount, networks: networks.length },
    parseImdMs: firstAndMedian(runs.map((r) => r.parseMs)),
    practiceProfilesMs: firstAndMedian(runs.map((r) => r.profileMs)),
    allNetworkFiguresMs: firstAndMedian(runs.map((r) => r.figuresMs)),
    addedToNationalBuildMs: { first: ms(totals[0]), median: ms(quantile(totals, 0.5)), target: 200 },
    addedToOneMoveMs: {
      median: ms3(quantile(moveMs, 0.5)),
      p95: ms3(quantile(moveMs, 0.95)),
      moves: moveMs.length,
      target: 1,
    },
  };
}
