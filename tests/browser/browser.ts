// Headless Chromium through playwright-core, with the flags that work on this machine
// (SwiftShader WebGL, so MapLibre really renders), collecting console errors for assertions.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { idle } from './app';
import { CHROMIUM_SWITCHES } from './chromium';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedData = path.resolve(repoRoot, '../shared/data');
export const artefacts = path.join(repoRoot, 'test-artifacts');

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [...CHROMIUM_SWITCHES, '--disable-gpu'],
  });
}

/** A fresh page (own storage) on the app, with every console error and page error recorded in `errors`. */
async function openApp(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  return page;
}

export interface AppOptions {
  /** Viewport once open, when a test needs another size than 1400x900. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Also wait for the map to finish drawing the demo plan. */
  readonly idle?: boolean;
}

/**
 * One Chromium and one page on the app for a describe block: registers the beforeAll that launches
 * it, opens the app and waits for the demo plan's summary, and the afterAll that closes it. It is
 * called while tests are collected, before the page exists, so `page` forwards to the page that
 * beforeAll opens, and `errors` (console and page errors) is filled in place.
 */
export function useApp(options: AppOptions = {}): { readonly page: Page; readonly errors: string[] } {
  let browser: Browser | undefined;
  let opened: Page | undefined;
  const errors: string[] = [];
  const page = new Proxy({} as Page, {
    get(_, key) {
      if (!opened) throw new Error('useApp: the page opens in beforeAll; use it inside a test or a later hook');
      const value: unknown = Reflect.get(opened, key, opened);
      return typeof value === 'function' ? value.bind(opened) : value;
    },
  });
  beforeAll(async () => {
    browser = await launch();
    opened = await openApp(browser, errors);
    if (options.viewport) await opened.setViewportSize(options.viewport);
    await opened.getByTestId('summary-practices').waitFor();
    if (options.idle) await idle(opened);
  });
  afterAll(async () => {
    await browser?.close();
  });
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
