// Small-area footprints survive a reload: the Greater Manchester LSOAs, registrations, boroughs (as
// hard areas, by a chosen field) and the IMD table opened in the Small areas tab are kept in this
// browser (IndexedDB) and reopened with the autosave, with the same footprints; a saved plan opened
// in a fresh browser (no copies) names the files to open.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { act, idle, state } from './app';
import { screenshot, sharedData, useApp } from './browser';

/** Keys in idb-keyval's database (where the app autosaves and keeps the file copies). */
const storedKeys = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyval')) {
            db.close();
            resolve([]);
            return;
          }
          const req = db.transaction('keyval').objectStore('keyval').getAllKeys();
          req.onsuccess = () => {
            db.close();
            resolve(req.result.map(String));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

const autosaveText = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => {
          const req = open.result.transaction('keyval').objectStore('keyval').get('pcn-planner:autosave');
          req.onsuccess = () => {
            open.result.close();
            resolve(typeof req.result === 'string' ? req.result : '');
          };
        };
      }),
  );

const notices = (page: Page) => page.locator('.notices').innerText();
const firstRow = (page: Page) => page.getByTestId('resident-shares').locator('tbody tr').first().innerText();

describe('small-area files reopened after a reload', () => {
  const { page, errors } = useApp();
  let planFile = '';
  let share = '';

  it("reloads on small-area footprints: the files come back from this browser's copy, same figures", async () => {
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    await expect.poll(() => state<number>(page, 's.doc.practices.length'), { timeout: 30_000 }).toBe(426);
    await page
      .getByTestId('file-boundary')
      .setInputFiles(path.join(sharedData, 'gm_combined_authority_2023_bgc.geojson'));
    await expect.poll(() => page.locator('.sources').innerText()).toContain('gm_combined_authority_2023_bgc.geojson');
    await page.getByRole('tab', { name: 'Small areas' }).click();
    await page.getByTestId('open-layer').setInputFiles(path.join(sharedData, 'gm_lsoa2011_bgc.geojson'));
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('1,673 small areas from gm_lsoa2011_bgc.geojson');
    await page.getByTestId('open-registrations').setInputFiles(path.join(sharedData, 'gm_practice_lsoa_2022-07.csv'));
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('59,191 registration rows from gm_practice_lsoa_2022-07.csv');
    await page.getByTestId('footprints-small-areas').check();
    await expect
      .poll(() => page.getByTestId('resident-share').innerText(), { timeout: 30_000 })
      .toMatch(/Patients living in their own network's footprint: 73\.\d%/);
    // Within the GM boroughs by their code (not the default field), with the IMD table.
    await page
      .getByTestId('open-hard-areas')
      .setInputFiles(path.join(sharedData, 'gm_local_authorities_2023_bgc.geojson'));
    await expect
      .poll(() => page.getByTestId('hard-areas-file').innerText(), { timeout: 30_000 })
      .toContain('10 hard areas from gm_local_authorities_2023_bgc.geojson by lad23nm');
    await page.getByTestId('hard-area-field').selectOption('lad23cd');
    await expect
      .poll(() => page.getByTestId('hard-areas-file').innerText(), { timeout: 30_000 })
      .toContain('by lad23cd');
    await page.getByTestId('open-deprivation').setInputFiles(path.join(sharedData, 'england_imd2019_lsoa2011.csv'));
    await expect
      .poll(() => page.getByTestId('deprivation-file').innerText(), { timeout: 30_000 })
      .toContain('from england_imd2019_lsoa2011.csv');
    share = await page.getByTestId('resident-share').innerText();
    const row = await firstRow(page);
    const hardAreas = await page.getByTestId('hard-areas-file').innerText();
    const deprivation = await page.getByTestId('deprivation-file').innerText();
    // Every copy kept, and the autosave written with the footprint source (it follows the switch too).
    await expect
      .poll(async () => (await storedKeys(page)).filter((k) => k.startsWith('pcn-planner:file:')).length, {
        timeout: 30_000,
      })
      .toBe(4);
    await expect.poll(() => autosaveText(page), { timeout: 30_000 }).toContain('"field":"lad23cd"');
    expect(await autosaveText(page)).toContain('"footprints":"smallAreas"');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-plan').click()]);
    planFile = (await dl.path())!;
    expect(JSON.parse(readFileSync(planFile, 'utf8')).smallAreas.footprints).toBe('smallAreas');

    await page.reload();
    await page.getByTestId('summary-practices').waitFor();
    await expect.poll(() => state<string>(page, 's.footprintSource'), { timeout: 60_000 }).toBe('smallAreas');
    await expect
      .poll(() => notices(page), { timeout: 30_000 })
      .toContain(
        "Reopened gm_lsoa2011_bgc.geojson, gm_practice_lsoa_2022-07.csv, gm_local_authorities_2023_bgc.geojson and england_imd2019_lsoa2011.csv from this browser's copy: footprints from small areas",
      );
    await page.getByRole('tab', { name: 'Small areas' }).click();
    await expect.poll(() => page.getByTestId('footprints-small-areas').isChecked(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('resident-share').innerText(), { timeout: 30_000 }).toBe(share);
    await expect.poll(() => firstRow(page), { timeout: 30_000 }).toBe(row);
    expect(await page.getByTestId('hard-areas-file').innerText()).toBe(hardAreas);
    expect(await page.getByTestId('deprivation-file').innerText()).toBe(deprivation);
    await idle(page);
    await screenshot(page, 'small-area-reopen-01-after-reload');
    expect(errors).toEqual([]);
  });

  it('opens the saved plan in a fresh browser with no copies: names the files, footprints from cells', async () => {
    const context = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 1400, height: 900 } });
    const fresh = await context.newPage();
    const freshErrors: string[] = [];
    fresh.on('pageerror', (e) => freshErrors.push(e.message));
    await fresh.goto(inject('baseUrl'));
    await fresh.getByTestId('summary-practices').waitFor();
    await fresh
      .getByTestId('file-plan')
      .setInputFiles({ name: 'gm-small-areas.json', mimeType: 'application/json', buffer: readFileSync(planFile) });
    await expect.poll(() => state<number>(fresh, 's.doc.practices.length'), { timeout: 30_000 }).toBe(426);
    await expect
      .poll(() => notices(fresh), { timeout: 30_000 })
      .toMatch(
        /gm-small-areas\.json was made with footprints from small areas and the small-area files gm_lsoa2011_bgc\.geojson, gm_practice_lsoa_2022-07\.csv, gm_local_authorities_2023_bgc\.geojson and england_imd2019_lsoa2011\.csv \(hard areas by lad23cd\); this browser has no copy of them: open them in the Small areas tab to see the same footprints\. Until then the footprints shown are from practice cells, not small areas\./,
      );
    expect(await state<string>(fresh, 's.footprintSource')).toBe('cells');
    // The Small areas tab says so too, for as long as the files are not open.
    await fresh.getByRole('tab', { name: 'Small areas' }).click();
    await expect
      .poll(() => fresh.getByTestId('small-areas-unopened').innerText(), { timeout: 30_000 })
      .toBe(
        'This plan was made with footprints from small areas and gm_lsoa2011_bgc.geojson, gm_practice_lsoa_2022-07.csv, gm_local_authorities_2023_bgc.geojson, england_imd2019_lsoa2011.csv, which are not open: open them here to see the same footprints (until then they are from practice cells).',
      );
    await screenshot(fresh, 'small-area-reopen-02-fresh-browser');
    await context.close();
    expect(freshErrors).toEqual([]);
  });

  it('opens the saved plan where the copies are: the files are reopened from them', async () => {
    await act(page, 's.setSmallAreas(null)');
    await expect.poll(() => state<string>(page, 's.footprintSource')).toBe('cells');
    await page
      .getByTestId('file-plan')
      .setInputFiles({ name: 'gm-small-areas.json', mimeType: 'application/json', buffer: readFileSync(planFile) });
    await expect
      .poll(() => notices(page), { timeout: 30_000 })
      .toContain("from this browser's copy: footprints from small areas, as in gm-small-areas.json.");
    expect(await state<string>(page, 's.footprintSource')).toBe('smallAreas');
    await page.getByRole('tab', { name: 'Small areas' }).click();
    await expect.poll(() => page.getByTestId('resident-share').innerText(), { timeout: 30_000 }).toBe(share);
    expect(errors).toEqual([]);
  });
});
