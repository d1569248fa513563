// Headless Chromium through playwright-core, with the flags that work on this machine
// (SwiftShader WebGL, so MapLibre really renders), collecting console errors for assertions.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedData = path.resolve(repoRoot, '../shared/data');
export const artefacts = path.join(repoRoot, 'test-artifacts');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/** A fresh page (own storage) on the app, with every console error and page error recorded. */
export async function openApp(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artefacts, { recursive: true });
  const file = path.join(artefacts, `${name}.png`);
  // The map draws re-tiled footprints a few frames after the panel changes: shoot once it is idle.
  await page.evaluate('Promise.race([window.__pcn?.idle(), new Promise((r) => setTimeout(r, 10000))])');
  await page.screenshot({ path: file });
  return file;
}
