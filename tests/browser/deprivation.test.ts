// Population health in a real browser: Greater Manchester practices, LSOAs, NHS Digital's
// registrations and IMD 2019 opened through the inputs; the Core20 column, sorting by it, a move.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { act, changedShare, idle, state } from './app';
import { screenshot, sharedData, useApp } from './browser';

/** Serious and critical axe-core violations inside `selector`. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async (sel) => {
    const r: AxeResults = await (
      window as unknown as { axe: { run(ctx: string, o: object): Promise<AxeResults> } }
    ).axe.run(sel, {});
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
  }, selector);
}
const shares = async (page: Page) =>
  (await page.getByTestId('network-core20').allInnerTexts()).map((t) => Number.parseFloat(t));

describe('population health in Chromium', () => {
  const { page, errors } = useApp();

  it('opens the files and shows Core20 shares per network, sortable', async () => {
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    await expect.poll(() => state<number>(page, 's.doc.practices.length'), { timeout: 30_000 }).toBe(426);
    await page
      .getByTestId('file-boundary')
      .setInputFiles(path.join(sharedData, 'gm_combined_authority_2023_bgc.geojson'));
    await expect
      .poll(() => page.locator('.sources').innerText(), { timeout: 30_000 })
      .toContain('gm_combined_authority_2023_bgc.geojson');
    await idle(page);
    await page.getByRole('tab', { name: 'Small areas' }).click();
    await page.getByTestId('open-layer').setInputFiles(path.join(sharedData, 'gm_lsoa2011_bgc.geojson'));
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('1,673 small areas');
    await page.getByTestId('open-registrations').setInputFiles(path.join(sharedData, 'gm_practice_lsoa_2022-07.csv'));
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('59,191 registration rows');
    await page.getByTestId('open-deprivation').setInputFiles(path.join(sharedData, 'england_imd2019_lsoa2011.csv'));
    await expect
      .poll(() => page.getByTestId('deprivation-file').innerText(), { timeout: 30_000 })
      .toContain('32,844 small areas with an IMD decile from england_imd2019_lsoa2011.csv');
    expect(await state<string>(page, 's.deprivation.file.sha256')).toMatch(/^[0-9a-f]{64}$/);

    await page.getByRole('tab', { name: 'Networks' }).click();
    await expect.poll(() => page.getByTestId('network-core20').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await page.getByTestId('network-core20').first().innerText()).toMatch(/^\d+\.\d%$/);
    expect(await page.locator('.network-health .decile-bar').first().getAttribute('aria-label')).toMatch(
      /by IMD decile \(1 most deprived\): decile 1: \d+%/,
    );
    await page.getByTestId('network-sort').selectOption('core20');
    await expect
      .poll(
        async () => {
          const s = await shares(page);
          return s.length > 10 && s.every((x, i) => i === 0 || s[i - 1] >= x);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const top = await shares(page);
    expect(top[0]).toBeGreaterThan(top[top.length - 1]);
    expect(await seriousViolations(page, '[data-testid="network-list"]')).toEqual([]);
    await idle(page);
    await screenshot(page, 'deprivation-01-core20');
    expect(errors).toEqual([]);
  });

  it("moving a practice changes its network's Core20 share; the practice shows patients by decile", async () => {
    const shareOf = (id: string) => page.getByTestId(`network-${id}`).getByTestId('network-core20').innerText();
    const rows = page.getByTestId('network-list').locator(':scope > li');
    const [from, to] = await Promise.all(
      [0, 1].map(async (i) => (await rows.nth(i).getAttribute('data-testid'))!.slice('network-'.length)),
    );
    const before = await shareOf(from);
    const code = await state<string>(
      page,
      `s.doc.practices.find((p) => s.doc.assignment.get(p.code) === '${from}').code`,
    );
    await act(page, `s.assignPractices(['${code}'], '${to}')`);
    await expect.poll(() => shareOf(from), { timeout: 20_000 }).not.toBe(before);
    await act(page, `s.selectPractice('${code}')`);
    await expect
      .poll(() => page.getByTestId('practice-deciles').innerText(), { timeout: 20_000 })
      .toMatch(/^1: [\d,]+ · 2: [\d,]+/);
    expect(await seriousViolations(page, '[data-testid="practice-details"]')).toEqual([]);
    await idle(page);
    await screenshot(page, 'deprivation-02-move');
    await act(page, 's.undo()');
    await expect.poll(() => shareOf(from), { timeout: 20_000 }).toBe(before);
    expect(errors).toEqual([]);
  });

  it('a bad deprivation file is reported in Problems by line and field; the open table stays', async () => {
    await page.getByRole('tab', { name: 'Small areas' }).click();
    const bad = 'lsoa11cd,imd_decile\nE01000001,9\nE01000002,eleven\n';
    await page
      .getByTestId('open-deprivation')
      .setInputFiles({ name: 'imd-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await expect
      .poll(() => page.getByTestId('problems').innerText(), { timeout: 20_000 })
      .toContain('imd-bad.csv was not loaded');
    expect(await page.getByTestId('problems').innerText()).toMatch(
      /imd-bad\.csv[^\n]*line 3[^\n]*decile "eleven" of E01000002 is not a whole number 1-10/,
    );
    expect(await state<string>(page, 's.deprivation.file.name')).toBe('england_imd2019_lsoa2011.csv');
    // A table lacking most areas: the patients living there are counted apart, with a warning.
    await page.getByTestId('open-deprivation').setInputFiles({
      name: 'imd-one.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('lsoa11cd,imd_decile\nE01005061,1\n'),
    });
    await page.getByTestId('problems').evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    await expect
      .poll(() => page.getByTestId('problems').innerText(), { timeout: 20_000 })
      .toMatch(/imd-one\.csv: [\d,]+ registered patients live in [\d,]+ areas with no IMD value/);
    await page.getByTestId('open-deprivation').setInputFiles(path.join(sharedData, 'england_imd2019_lsoa2011.csv'));
    await expect
      .poll(() => state<string>(page, 's.deprivation.file.name'), { timeout: 30_000 })
      .toBe('england_imd2019_lsoa2011.csv');
    expect(errors).toEqual([]);
  });

  it('shades the small areas by IMD decile from Settings, with a legend in words', async () => {
    await act(page, 's.selectPractice(null)');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await idle(page);
    await changedShare(page, 'imd');
    await page.getByTestId('show-imd-layer').check();
    await expect
      .poll(() => page.getByTestId('imd-legend').innerText(), { timeout: 20_000 })
      .toMatch(/1 most deprived[\s\S]*10 least/);
    await idle(page);
    // The small areas are shaded: much of the map changes colour.
    await expect
      .poll(
        async () => {
          await page.waitForTimeout(200);
          return changedShare(page, 'imd');
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0.05);
    await screenshot(page, 'deprivation-03-imd-layer');
    expect(errors).toEqual([]);
  });

  it("scenario comparison lists each network's Core20 share before and after", async () => {
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    const original = await state<number>(page, 's.activeScenario');
    await page.getByTestId('scenario-duplicate').click();
    await expect.poll(() => state<number>(page, 's.scenarios.length'), { timeout: 20_000 }).toBe(2);
    const from = await state<string>(page, 's.doc.networks[0].id');
    const to = await state<string>(page, 's.doc.networks[1].id');
    const code = await state<string>(
      page,
      `s.doc.practices.find((p) => s.doc.assignment.get(p.code) === '${from}').code`,
    );
    await act(page, `s.assignPractices(['${code}'], '${to}')`);
    await page.getByTestId('compare-with').selectOption(String(original));
    const cell = page.getByTestId(`compare-row-${from}`).getByTestId('compare-core20');
    await expect.poll(() => cell.innerText(), { timeout: 20_000 }).toMatch(/^\d+\.\d% →\s*\d+\.\d% [+−]\d+\.\d pp$/);
    await idle(page);
    await screenshot(page, 'deprivation-04-compare');
    expect(errors).toEqual([]);
  });
});
