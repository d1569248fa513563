// axe-core in Chromium against the built app on Greater Manchester: no serious or critical
// violations in the main view, a practice's details, the open-choice dialog and Auto-cluster;
// dialogs take focus, close on Escape and give focus back.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idle, number, state } from './app';
import { sharedData, useApp } from './browser';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LONG = { timeout: 30_000 };

/** Serious and critical axe violations on the page as it is, as "rule: help (first target)". */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const { violations, passes } = await page.evaluate(async () => {
    const r: AxeResults = await (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }
    ).axe.run(document, {});
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String) })),
      })),
      passes: r.passes.length,
    };
  });
  // axe really checked the page: many rules passed.
  expect(passes).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}x, e.g. ${v.nodes[0]?.target.join(' ')})`);
}

describe('accessibility (axe-core)', () => {
  const { page } = useApp();

  it('has no serious or critical violations with a real plan open and a practice selected', async () => {
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    await expect.poll(() => number(page, 'summary-practices'), LONG).toBe(426);
    await page
      .getByTestId('file-boundary')
      .setInputFiles(path.join(sharedData, 'gm_combined_authority_2023_bgc.geojson'));
    await expect.poll(() => page.getByTestId('summary-in-band').innerText(), LONG).toBe('34 of 67');
    await idle(page);
    const code = await state<string>(page, 's.doc.practices[0].code');
    await page.evaluate(
      (c) =>
        (window as unknown as { __pcn: { store: { getState(): { selectPractice(x: string): void } } } }).__pcn.store
          .getState()
          .selectPractice(c),
      code,
    );
    await page.getByTestId('practice-network-picker').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('names repeated controls per network', async () => {
    const first = await state<string>(
      page,
      's.doc.networks.slice().sort((a, b) => a.name.localeCompare(b.name))[0].name',
    );
    await expect.poll(() => page.getByRole('button', { name: `Zoom to ${first}`, exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: `Delete ${first}`, exact: true }).count()).toBe(1);
  });

  it('the open-choice dialog takes focus, traps Tab, closes on Escape and gives focus back', async () => {
    await page.getByTestId('file-practices').focus();
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-new');
    expect(await seriousViolations(page)).toEqual([]);
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('file-practices');
  });

  it('the Auto-cluster dialog takes focus, has no serious violations, and Escape returns focus', async () => {
    await page.getByTestId('open-cluster').click();
    const dialog = page.getByRole('dialog', { name: 'Auto-cluster' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('open-cluster');
  });
});
