// The small-area part of `npm run bench:browser`: with the national practices open, open the
// national LSOA layer and the 37 MB registrations through the Small areas tab (both read in a
// worker), switch the footprints to small areas, then move practices and time each move to the
// panel's plan-wide resident share. Every wait is bounded: a step that does not finish is reported
// as timed out instead of hanging the run.
import path from 'node:path';
import type { Page } from 'playwright-core';

const WAIT_MS = 120_000;

/** In the page: longest main-thread task between two performance.now() times (window.__longTasks). */
const longestTask = (page: Page, from: number, to: number) =>
  page.evaluate(
    `Math.round(Math.max(0, ...window.__longTasks.filter(([t, d]) => t + d > ${from} && t < ${to}).map(([, d]) => d)))`,
  ) as Promise<number>;

const now = (page: Page) => page.evaluate('performance.now()') as Promise<number>;

/** Bounded `window.__pcn.idle()`: the map going idle, or 10 s. */
const idle = (page: Page) =>
  page.evaluate('Promise.race([window.__pcn.idle(), new Promise((r) => setTimeout(r, 10000))])');

/** Opens a file through the tab's input and waits until `done` matches the files line; ms and longest task. */
async function open(page: Page, testid: string, file: string, done: RegExp) {
  const t0 = await now(page);
  await page.getByTestId(testid).setInputFiles(file);
  await page.waitForFunction(
    (re) => new RegExp(re).test(document.querySelector('[data-testid="small-area-files"]')?.textContent ?? ''),
    done.source,
    { timeout: WAIT_MS },
  );
  const t1 = await now(page);
  return { ms: Math.round(t1 - t0), longestTaskMs: await longestTask(page, t0, t1) };
}

// Plain JavaScript text: tsx would wrap named functions in a helper that the page lacks.
// Each move: the store action, then the first frame after the resident share's text changed
// (MutationObserver); "panel" is the time to that text, "frame" to the frame that shows it.
const MOVES = `(async () => {
  const pcn = window.__pcn;
  let seed = 11;
  const rand = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const share = () => document.querySelector('[data-testid="resident-share"]')?.textContent ?? '';
  const out = [];
  for (let k = 0; k < 40; k++) {
    const s = pcn.store.getState();
    const code = s.doc.practices[Math.floor(rand() * s.doc.practices.length)].code;
    const id = s.doc.networks[Math.floor(rand() * s.doc.networks.length)].id;
    const was = share();
    const seen = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (share() === was) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 3000);
    });
    const start = performance.now();
    if (s.assignPractices([code], id) === 0) continue;
    const storeMs = performance.now() - start;
    const panelAt = await seen;
    if (panelAt === null) continue;
    await new Promise((r) => requestAnimationFrame(r));
    const frameAt = performance.now();
    const tasks = window.__longTasks.filter(([t, d]) => t + d > start && t < frameAt);
    out.push({ storeMs, panelMs: panelAt - start, frameMs: frameAt - start, longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)) });
    await Promise.race([pcn.idle(), new Promise((r) => setTimeout(r, 5000))]);
  }
  return out;
})()`;

export async function benchBrowserSmallAreas(page: Page, dataDir: string) {
  await page.getByRole('tab', { name: 'Small areas' }).click();
  const layer = await open(
    page,
    'open-layer',
    path.join(dataDir, 'england_lsoa2011_bsc.geojson'),
    /32,844 small areas/,
  );
  const registrations = await open(
    page,
    'open-registrations',
    path.join(dataDir, 'england_practice_lsoa_2022-07.csv'),
    /860,853 registration rows/,
  );
  await idle(page);
  const t0 = await now(page);
  await page.getByTestId('footprints-small-areas').check();
  await page.waitForFunction(() => !!document.querySelector('[data-testid="resident-share"]'), null, {
    timeout: WAIT_MS,
  });
  const t1 = await now(page);
  await idle(page);
  const t2 = await now(page);
  const switchLongestTaskMs = await longestTask(page, t0, t2);
  const moves = (await page.evaluate(MOVES)) as {
    storeMs: number;
    panelMs: number;
    frameMs: number;
    longestTaskMs: number;
  }[];
  const q = (xs: number[], p: number) =>
    xs.length === 0
      ? null
      : Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] * 10) / 10;
  const stats = (xs: number[]) => ({ p50: q(xs, 0.5), p95: q(xs, 0.95), max: q(xs, 1) });
  return {
    data: 'england_lsoa2011_bsc.geojson (32,844 LSOAs) + england_practice_lsoa_2022-07.csv (37 MB, 860,853 rows)',
    openLayer: layer,
    openRegistrations: { ...registrations, targetMs: 3000 },
    switchToSmallAreas: {
      toPanelMs: Math.round(t1 - t0),
      toIdleMapMs: Math.round(t2 - t0),
      longestTaskMs: switchLongestTaskMs,
    },
    moves: {
      count: moves.length,
      storeActionMs: {
        ...stats(moves.map((m) => m.storeMs)),
        note: 'the store action with every synchronous subscriber (plan, small-area update, map sync)',
      },
      moveToPanelMs: { ...stats(moves.map((m) => m.panelMs)), targetP50: 16.7 },
      moveToFrameMs: stats(moves.map((m) => m.frameMs)),
      longestTaskMs: stats(moves.map((m) => m.longestTaskMs)),
    },
  };
}
