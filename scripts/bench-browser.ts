// `npm run bench:browser`: the app in headless Chromium on the national table (6,452 practices,
// 1,234 real PCNs). Builds the app, serves it with vite preview, and prints JSON: time from
// choosing the file to an interactive map, and for 100 paint reassignments the time until the
// panel shows the new numbers and until the map has drawn the change (p50/p95); then the national
// small-area files opened in the app and moves with footprints from small areas.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { findChromium } from '../tests/browser/global-setup';
import { benchBrowserSmallAreas } from './bench-browser-small-areas';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const practicesFile = path.resolve(root, '../shared/data/england_practices_2022-01.geojson');

await build({ root, logLevel: 'warn' });
const server = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', open: false } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no preview port');
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${address.port}/`);
  await page.getByTestId('summary-practices').waitFor();
  await page.evaluate('window.__pcn.idle()');

  const t0 = Date.now();
  await page.getByTestId('file-practices').setInputFiles(practicesFile);
  await page.waitForFunction(() => document.querySelector('[data-testid="summary-practices"]')?.textContent === '6,452', null, { timeout: 60_000 });
  const panelReadyMs = Date.now() - t0;
  await page.evaluate('window.__pcn.idle()');
  const interactiveMs = Date.now() - t0;

  // Plain JavaScript text: tsx would wrap named functions in a helper that the page lacks.
  const edits = (await page.evaluate(`(async () => {
    const pcn = window.__pcn;
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const shown = (id) => document.querySelector('[data-testid="network-' + id + '"] [data-testid="network-population"]').textContent;
    // Paint into networks whose row is on screen, so the panel number to watch is visible.
    const visible = [...document.querySelectorAll('[data-testid^="network-"]')].map((el) => el.getAttribute('data-testid').slice(8)).filter((id) => document.querySelector('[data-testid="network-' + id + '"] [data-testid="network-population"]'));
    const panel = [];
    const map = [];
    for (let k = 0; k < 100; k++) {
      const s = pcn.store.getState();
      const code = s.doc.practices[Math.floor(rand() * s.doc.practices.length)].code;
      const id = visible[Math.floor(rand() * visible.length)];
      const before = shown(id);
      const start = performance.now();
      if (s.assignPractices([code], id) === 0) continue;
      await new Promise((resolve) => {
        const check = () => (shown(id) !== before || performance.now() - start > 2000 ? resolve() : setTimeout(check, 0));
        check();
      });
      panel.push(performance.now() - start);
      await pcn.idle();
      await new Promise((r) => requestAnimationFrame(r));
      map.push(performance.now() - start);
    }
    return { panel, map };
  })()`)) as { panel: number[]; map: number[] };
  const smallAreas = await benchBrowserSmallAreas(page, path.dirname(practicesFile));
  const q = (xs: number[], p: number) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] * 10) / 10;
  console.log(JSON.stringify({
    data: { practices: 6452, file: 'england_practices_2022-01.geojson (../shared/data)' },
    openFileToPanelMs: panelReadyMs,
    openFileToInteractiveMapMs: interactiveMs,
    targetInteractiveMs: 3000,
    reassignments: edits.panel.length,
    panelUpdateMs: { p50: q(edits.panel, 0.5), p95: q(edits.panel, 0.95), target95: 16 },
    mapDrawnMs: { p50: q(edits.map, 0.5), p95: q(edits.map, 0.95), target95: 50 },
    smallAreas,
    pageErrors: errors,
    note: 'WebGL runs in SwiftShader (software) on this machine; a GPU is faster.',
  }, null, 2));
} finally {
  await browser.close();
  server.httpServer.close();
}
