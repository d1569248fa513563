// Population health figures on Greater Manchester with NHS Digital's real registrations and IMD 2019,
// checked against a plain loop over the CSV rows written here, independently of the core.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  deprivationByNetwork,
  deprivationSpread,
  parseDeprivation,
  practiceDeprivation,
} from '../../../src/core/deprivation';
import { assignmentFromTable, parsePractices } from '../../../src/core/io';
import { DEFAULT_BAND, type NetworkId, type PracticeCode } from '../../../src/core/model';
import type { PlanInput } from '../../../src/core/plan';
import { readRegistrations } from '../../../src/core/small-areas';
import { dataPath, seeded } from '../small-areas/helpers';

const imdText = readFileSync(dataPath('england_imd2019_lsoa2011.csv'), 'utf8');
const regText = readFileSync(dataPath('gm_practice_lsoa_2022-07.csv'), 'utf8');
const practicesText = readFileSync(dataPath('gm_practices_2022-01.csv'), 'utf8');

function ok<T>(r: { ok: true; value: T } | { ok: false; errors: readonly { message: string }[] }): T {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

const table = ok(parseDeprivation(imdText, 'imd.csv'));
const registrations = ok(readRegistrations(regText, 'reg.csv'));
const profile = practiceDeprivation(registrations, table);
const practiceTable = ok(parsePractices(practicesText, 'gm.csv'));
const { assignment, networks } = assignmentFromTable(practiceTable);
const input: PlanInput = { practices: practiceTable.practices, networks, assignment, band: DEFAULT_BAND };

/** The independent computation: split lines, look columns up by name, add up. */
function plainLoop() {
  const rows = (text: string) =>
    text
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
  // Names may hold quoted commas ("Bristol, City of"), so codes are read from the start of a row and
  // numbers from its end, as the headers lsoa11cd,lad_name,imd_score,imd_rank,imd_decile and
  // PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,NUMBER_OF_PATIENTS lay them out.
  const [imdHeader, ...imdRows] = rows(imdText);
  expect(imdHeader).toEqual(['lsoa11cd', 'lad_name', 'imd_score', 'imd_rank', 'imd_decile']);
  const imd = new Map(imdRows.map((r) => [r[0], { decile: Number(r.at(-1)), score: Number(r.at(-3)) }]));
  const [regHeader, ...regRows] = rows(regText);
  expect(regHeader).toEqual(['PRACTICE_CODE', 'PRACTICE_NAME', 'LSOA_CODE', 'NUMBER_OF_PATIENTS']);
  const pi = 0,
    li = -2,
    ni = -1;
  const out = new Map<string, { deciles: number[]; scoreSum: number; noImd: number }>();
  for (const r of regRows) {
    const net = assignment.get(r[pi] as PracticeCode);
    if (net === undefined) continue;
    const acc = out.get(net) ?? { deciles: new Array(10).fill(0), scoreSum: 0, noImd: 0 };
    out.set(net, acc);
    const n = Number(r.at(ni));
    const area = imd.get(r.at(li)!);
    if (!area) acc.noImd += n;
    else {
      acc.deciles[area.decile - 1] += n;
      acc.scoreSum += n * area.score;
    }
  }
  return out;
}

describe('IMD 2019 table', () => {
  it('reads every English LSOA with its decile and score', () => {
    expect(table.decile.size).toBe(32_844);
    expect(table.score.size).toBe(32_844);
    const perDecile = new Array(10).fill(0);
    for (const d of table.decile.values()) perDecile[d - 1] += 1;
    for (const n of perDecile) expect(Math.abs(n - 3284.4)).toBeLessThan(2);
    expect(table.decilesFromScores).toBe(false);
  });

  it('ranks deciles from scores when the file has no decile column, matching the published deciles', () => {
    const lines = imdText
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const scoresOnly = lines.map((r) => `${r[0]},${r.at(-3)}`).join('\n');
    const r = parseDeprivation(scoresOnly, 'scores.csv');
    const t = ok(r);
    expect(r.warnings.map((w) => w.message).join()).toMatch(
      /no decile column: deciles ranked from this file's 32844 scores/,
    );
    let same = 0;
    for (const [code, d] of table.decile) if (t.decile.get(code) === d) same += 1;
    expect(same / table.decile.size).toBeGreaterThan(0.999);
  });
});

describe('population health by network, Greater Manchester', () => {
  const figures = deprivationByNetwork(profile, input);
  const expected = plainLoop();

  it('equals a plain loop over the CSV rows for every network', () => {
    expect(figures.size).toBe(networks.length);
    for (const [id, f] of figures) {
      const e = expected.get(id) ?? { deciles: new Array(10).fill(0), scoreSum: 0, noImd: 0 };
      expect(f.imdDeciles).toEqual(e.deciles);
      const known = e.deciles.reduce((s, x) => s + x, 0);
      expect(f.imdPatients).toBe(known);
      expect(f.core20Patients).toBe(e.deciles[0] + e.deciles[1]);
      expect(f.core20Share).toBeCloseTo((e.deciles[0] + e.deciles[1]) / known, 12);
      expect(f.imdScoreMean).toBeCloseTo(e.scoreSum / known, 9);
      expect(f.noImdPatients).toBe(e.noImd);
    }
  });

  it('Core20 patients over networks sum to the plan-wide figure', () => {
    const spread = deprivationSpread(figures);
    let core20 = 0;
    for (const e of expected.values()) core20 += e.deciles[0] + e.deciles[1];
    expect(spread.core20Patients).toBe(core20);
    expect(spread.minShare!).toBeLessThanOrEqual(spread.medianShare!);
    expect(spread.medianShare!).toBeLessThanOrEqual(spread.maxShare!);
    expect(spread.mostCore20[0].core20Patients).toBe(Math.max(...[...figures.values()].map((f) => f.core20Patients)));
  });

  it('the incremental update after random moves equals a full rebuild', () => {
    const random = seeded(7);
    let current = new Map(assignment);
    let previous = figures;
    for (let step = 0; step < 300; step++) {
      const p = input.practices[Math.floor(random() * input.practices.length)];
      const to = networks[Math.floor(random() * networks.length)].id;
      const from = current.get(p.code);
      current = new Map(current).set(p.code, to);
      const changed: NetworkId[] = from === undefined ? [to] : [from, to];
      const next = { ...input, assignment: current };
      previous = deprivationByNetwork(profile, next, previous, changed);
      if (step % 50 === 49) expect(previous).toEqual(deprivationByNetwork(profile, next));
    }
  });

  it('patients with no LSOA (NO2011) are counted apart, not as deprived or not', () => {
    const noLsoa = regText
      .split(/\r?\n/)
      .filter((l) => l.includes(',NO2011,'))
      .reduce((s, l) => s + Number(l.split(',').at(-1)), 0);
    expect(profile.noLsoaPatients).toBe(noLsoa);
    expect(noLsoa).toBeGreaterThan(0);
  });
});
