// The small-area part of `npm run bench:browser`: with the national practices open, open the
// national LSOA layer and registrations through the Small areas tab (worker, progress), switch the
// footprints to small areas, then time practice moves until the panel's resident share changes.
import path from 'node:path';
import type { Page } from 'playwright-core';

export async function benchBrowserSmallAreas(page: Page, dataDir: string) {
  const text = (testid: string) => page.evaluate((t) => document.querySelector(`[data-testid="${t}"]`)?.textContent ?? '', testid);
  await page.getByRole('tab', { name: 'Small areas' }).click();
  let t0 = Date.now();
  await page.getByTestId('open-layer').setInputFiles(path.join(dataDir, 'england_lsoa2011_bsc.geojson'));
  await page.waitForFunction(() => /32,844 small areas/.test(document.querySelector('[data-testid="small-area-files"]')?.textContent ?? ''), null, { timeout: 120_000 });
  const openLayerMs = Date.now() - t0;
  t0 = Date.now();
  await page.getByTestId('open-registrations').setInputFiles(path.join(dataDir, 'england_practice_lsoa_2022-07.csv'));
  await page.waitForFunction(() => /860,853 registration rows/.test(document.querySelector('[data-testid="small-area-files"]')?.textContent ?? ''), null, { timeout: 120_000 });
  const openRegistrationsMs = Date.now() - t0;
  t0 = Date.now();
  await page.getByTestId('footprints-small-areas').check();
  await page.waitForFunction(() => !!document.querySelector('[data-testid="resident-share"]'), null, { timeout: 120_000 });
  const switchToPanelMs = Date.now() - t0;
  await page.evaluate('window.__pcn.idle()');
  const switchToMapMs = Date.now() - t0;
  const before = await text('resident-share');
  // Plain JavaScript text: tsx would wrap named functions in a helper that the page lacks.
  const moves = (await page.evaluate(`(async () => {
    const pcn = window.__pcn;
    let seed = 11;
    const rand = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    const shown = () => document.querySelector('[data-testid="resident-share"]').textContent;
    const panel = [];
    const map = [];
    for (let k = 0; k < 50; k++) {
      const s = pcn.store.getState();
      const code = s.doc.practices[Math.floor(rand() * s.doc.practices.length)].code;
      const id = s.doc.networks[Math.floor(rand() * s.doc.networks.length)].id;
      const was = shown();
      const start = performance.now();
      if (s.assignPractices([code], id) === 0) continue;
      await new Promise((resolve) => {
        const check = () => (shown() !== was || performance.now() - start > 2000 ? resolve() : setTimeout(check, 0));
        check();
      });
      panel.push(performance.now() - start);
      await pcn.idle();
      await new Promise((r) => requestAnimationFrame(r));
      map.push(performance.now() - start);
    }
    return { panel, map };
  })()`)) as { panel: number[]; map: number[] };
  const q = (xs: number[], p: number) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] * 10) / 10;
  return {
    data: 'england_lsoa2011_bsc.geojson (32,844 LSOAs) + england_practice_lsoa_2022-07.csv (37 MB, 860,853 rows)',
    openLayerMs, openRegistrationsMs, targetRegistrationsMs: 3000,
    switchToSmallAreasPanelMs: switchToPanelMs, switchToSmallAreasMapMs: switchToMapMs,
    residentShareBefore: before,
    moves: moves.panel.length,
    panelUpdateMs: { p50: q(moves.panel, 0.5), p95: q(moves.panel, 0.95) },
    mapDrawnMs: { p50: q(moves.map, 0.5), p95: q(moves.map, 0.95) },
  };
}
