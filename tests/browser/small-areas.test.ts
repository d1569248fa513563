// Footprints from small areas in a real browser: Greater Manchester practices, LSOAs and NHS
// Digital's registrations opened through the Small areas tab, live under edits, catchment on hover.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, screenshot, sharedData } from './browser';

const idle = (page: Page) => page.evaluate(() => (window as unknown as { __pcn: { idle(): Promise<void> } }).__pcn.idle());
const state = <T>(page: Page, f: string) => page.evaluate((body) => new Function('s', `return ${body}`)((window as unknown as { __pcn: { store: { getState(): unknown } } }).__pcn.store.getState()), f) as Promise<T>;
/** Share of map pixels that differ from the capture taken under the same `key` before (first call: 0). */
function changedShare(page: Page, key: string): Promise<number> {
  return page.evaluate(async (k) => {
    // The map keeps no drawing buffer between frames: read the pixels as a frame is drawn.
    const el = document.querySelector('#map') as HTMLElement;
    const pcn = (window as unknown as { __pcn: { pixelsAfterNextFrame(x: number, y: number, w: number, h: number, repaint: boolean): Promise<Uint8Array> } }).__pcn;
    const d = await pcn.pixelsAfterNextFrame(0, 0, el.clientWidth, el.clientHeight, true);
    const store = window as unknown as Record<string, Uint8Array | undefined>;
    const before = store[k];
    store[k] = d;
    if (!before || before.length !== d.length) return 0;
    let changed = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - before[i]) + Math.abs(d[i + 1] - before[i + 1]) + Math.abs(d[i + 2] - before[i + 2]) > 24) changed++;
    return changed / (d.length / 4);
  }, `__pixels_${key}`);
}

const act = (page: Page, f: string) => page.evaluate((body) => { new Function('s', body)((window as unknown as { __pcn: { store: { getState(): unknown } } }).__pcn.store.getState()); }, f);

describe('small-area footprints in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openApp(browser));
    await page.getByTestId('summary-practices').waitFor();
  });
  afterAll(async () => { await browser?.close(); });

  it('opens the LSOA layer and the registrations in a worker and switches footprints to small areas', async () => {
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    await expect.poll(() => state<number>(page, 's.doc.practices.length'), { timeout: 30_000 }).toBe(426);
    await page.getByTestId('file-boundary').setInputFiles(path.join(sharedData, 'gm_combined_authority_2023_bgc.geojson'));
    await expect.poll(() => page.locator('.sources').innerText()).toContain('gm_combined_authority_2023_bgc.geojson');
    await idle(page);
    await page.getByRole('tab', { name: 'Small areas' }).click();
    await page.getByTestId('open-layer').setInputFiles(path.join(sharedData, 'gm_lsoa2011_bgc.geojson'));
    await expect.poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 }).toContain('1,673 small areas from gm_lsoa2011_bgc.geojson (lsoa11cd)');
    await page.getByTestId('open-registrations').setInputFiles(path.join(sharedData, 'gm_practice_lsoa_2022-07.csv'));
    await expect.poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 }).toContain('59,191 registration rows from gm_practice_lsoa_2022-07.csv');
    expect(await state<string>(page, 's.smallAreas.registrationsFile.sha256')).toMatch(/^[0-9a-f]{64}$/);
    await page.getByTestId('footprints-small-areas').check();
    await expect.poll(() => page.getByTestId('resident-share').innerText(), { timeout: 30_000 }).toMatch(/Patients living in their own network's footprint: 73\.\d%/);
    await expect.poll(() => page.getByTestId('resident-shares').locator('tbody tr').count()).toBe(67);
    await idle(page);
    await screenshot(page, 'small-areas-01-footprints');
    expect(errors).toEqual([]);
  });

  it('follows a practice moved to another network and shows its catchment on hover', async () => {
    const before = await page.getByTestId('resident-share').innerText();
    const code = await state<string>(page, "s.doc.practices.find((p) => s.doc.assignment.get(p.code) === 'U79938').code");
    await act(page, `s.assignPractices(['${code}'], 'U05517')`);
    await expect.poll(() => page.getByTestId('resident-share').innerText(), { timeout: 20_000 }).not.toBe(before);
    await idle(page);
    await page.waitForTimeout(300);
    await changedShare(page, 'catchment');
    await act(page, `s.hoverPractice('${code}')`);
    await expect.poll(() => page.getByTestId('catchment').innerText(), { timeout: 20_000 }).toMatch(new RegExp(`^${code}: patients live in \\d+ small areas`));
    await idle(page);
    // The catchment is shaded on the map: a visible share of the map changes colour.
    await expect.poll(async () => { await page.waitForTimeout(200); return changedShare(page, 'catchment'); }, { timeout: 20_000 }).toBeGreaterThan(0.005);
    await screenshot(page, 'small-areas-02-catchment');
    await act(page, 's.undo()');
    await expect.poll(() => page.getByTestId('resident-share').innerText(), { timeout: 20_000 }).toBe(before);
    expect(errors).toEqual([]);
  });

  it('back to practice cells hides the small-area figures', async () => {
    await page.getByTestId('footprints-cells').check();
    await expect.poll(() => page.getByTestId('resident-share').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
