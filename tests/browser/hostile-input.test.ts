// Hostile and odd files in the app: the same messages as the CLI in Problems, with true counts,
// and the open plan untouched; far-off practices are flagged by the plan checks.
import { describe, expect, it } from 'vitest';
import { idle, number, state } from './app';
import { screenshot, useApp } from './browser';

const HEADER = 'practice_code,practice_name,longitude,latitude,registered_patients,pcn_code';
const rows = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `P${i},Practice ${i},${(-2.3 + (i % 4) * 0.05).toFixed(2)},${(53.4 + Math.floor(i / 4) * 0.05).toFixed(2)},${9000 + i},N${i % 3}`,
  );
const csv = (lines: readonly string[]) => ({
  name: 'p.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(lines.join('\n')),
});

describe('hostile input in the app', () => {
  const { page, errors } = useApp({ idle: true });
  const plan = () => state<string>(page, 'JSON.stringify([s.doc.practices, [...s.doc.assignment], s.doc.boundary])');
  const problems = () => page.getByTestId('problems').innerText();

  it('refuses bad files with the CLI messages and true totals, leaving the plan as it was', async () => {
    const before = await plan();
    await page
      .getByTestId('file-practices')
      .setInputFiles(csv([`${HEADER},registered_patients`, ...rows(3).map((r) => `${r},5`)]));
    await expect
      .poll(problems, { timeout: 20_000 })
      .toContain('p.csv: columns 5 and 7 are both named "registered_patients", so the list size is ambiguous');

    const bad = Array.from({ length: 1000 }, (_, i) => `B${i},Bad ${i},-2.2,53.5,many,N1`);
    await page.getByTestId('file-practices').setInputFiles({ ...csv([HEADER, ...bad]), name: 'bad.csv' });
    await expect
      .poll(problems, { timeout: 20_000 })
      .toContain('bad.csv was not loaded (1000 errors); the plan is unchanged');
    expect(await problems()).toContain('bad.csv: …and 980 more list size errors');

    await page
      .getByTestId('file-practices')
      .setInputFiles({ ...csv([HEADER, ...rows(3), '"A;B",Semi,-2.2,53.5,9000,N1']), name: 'semi.csv' });
    await expect
      .poll(problems, { timeout: 20_000 })
      .toContain('semi.csv line 5 (A;B): practice code "A;B" contains ";"');

    const deep = `${'{"type":"GeometryCollection","geometries":['.repeat(3000)}${']}'.repeat(3000)}`;
    await page.getByTestId('file-boundary').setInputFiles({
      name: 'deep.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(`{"type":"Feature","properties":{},"geometry":${deep}}`),
    });
    await expect
      .poll(problems, { timeout: 20_000 })
      .toMatch(/deep\.geojson: is nested more than 64 levels deep \(line 1, character \d+\)/);

    await page.getByTestId('file-practices').setInputFiles({
      name: 'empty.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from('{"type":"FeatureCollection","features":[]}'),
    });
    await expect.poll(problems, { timeout: 20_000 }).toContain('empty.geojson: contains no practices (no features)');

    expect(await plan()).toBe(before);
    await screenshot(page, 'hostile-01-refused');
    expect(errors).toEqual([]);
  });

  it('loads practices with one at 0, 0 and flags it instead of drawing a hull around the world', async () => {
    await page
      .getByTestId('file-practices')
      .setInputFiles({ ...csv([HEADER, ...rows(12), 'Z999,Typo,0,0,5000,N1']), name: 'typo.csv' });
    await expect.poll(() => number(page, 'summary-practices'), { timeout: 20_000 }).toBe(13);
    await expect
      .poll(() => page.getByTestId('plan-checks').innerText(), { timeout: 20_000 })
      .toContain('1 practice lies far from the rest, outside the study area');
    expect(await page.getByTestId('plan-checks').innerText()).toMatch(
      /typo\.csv \(Z999\): practice Z999 \(Typo\) at 0, 0 is [\d,]+ km from the middle of the practices/,
    );
    await idle(page);
    await screenshot(page, 'hostile-02-far-practice');
    expect(errors).toEqual([]);
  });
});
