import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './browser';

describe('the built app', () => {
  const { page, errors } = useApp();

  it('opens with its title and no console errors', async () => {
    await expect.poll(() => page.title()).toBe('PCN Planner');
    await page.waitForSelector('#app *');
    await screenshot(page, 'smoke-open');
    expect(errors).toEqual([]);
  });
});
