import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, screenshot } from './browser';

describe('the built app', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with its title and no console errors', async () => {
    const { page, errors } = await openApp(browser);
    await expect.poll(() => page.title()).toBe('PCN Planner');
    await page.waitForSelector('#app *');
    await screenshot(page, 'smoke-open');
    expect(errors).toEqual([]);
  });
});
