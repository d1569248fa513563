// Auto-cluster and Align on Greater Manchester at 1280x720, in Chromium against the built app:
// the Align comparison survives tab switches and an accepted auto-cluster; its layer reaches the
// Auto-cluster dialog; a proposal is outlined on the map before it is accepted, the dialog leaves
// the map in view with Accept on screen, and accepting is one undo step.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idle, number, renderedPreview, state } from './app';
import { screenshot, sharedData, useApp } from './browser';

const LONG = { timeout: 60_000 };
const assignmentKey = (page: Page) => state<string>(page, 'JSON.stringify([...s.doc.assignment].sort())');

describe('auto-cluster and align on Greater Manchester', () => {
  const { page, errors } = useApp({ viewport: { width: 1280, height: 720 } });

  it('keeps the Align comparison across a tab switch', async () => {
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    await expect.poll(() => number(page, 'summary-practices'), LONG).toBe(426);
    await page
      .getByTestId('file-boundary')
      .setInputFiles(path.join(sharedData, 'gm_combined_authority_2023_bgc.geojson'));
    await expect.poll(() => page.getByTestId('summary-in-band').innerText(), LONG).toBe('34 of 67');
    await idle(page);
    await page.getByRole('tab', { name: 'Align' }).click();
    await page.getByTestId('align-file').setInputFiles(path.join(sharedData, 'gm_local_authorities_2023_bgc.geojson'));
    await page.getByTestId('align-compare').click();
    await expect.poll(() => page.getByTestId('align-network-row').count(), LONG).toBe(67);
    await page.getByRole('tab', { name: 'Networks' }).click();
    await page.getByTestId('network-list').waitFor();
    await page.getByRole('tab', { name: 'Align' }).click();
    await expect.poll(() => page.getByTestId('align-network-row').count()).toBe(67);
    await expect
      .poll(() => page.getByTestId('align-layer-name').innerText())
      .toBe('gm_local_authorities_2023_bgc.geojson');
    expect(await state<boolean>(page, 's.doc.align.compared')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('hands the layer to Auto-cluster, outlines the proposal, keeps Accept on screen; accepting is one undo step', async () => {
    await page.getByTestId('align-to-cluster').click();
    const dialog = page.getByRole('dialog', { name: 'Auto-cluster' });
    await dialog.waitFor();
    await expect
      .poll(() => page.getByTestId('cluster-hard-layer').innerText())
      .toContain('gm_local_authorities_2023_bgc.geojson');
    await dialog.getByLabel('Alternatives').fill('2');
    const before = await assignmentKey(page);
    const steps = await state<number>(page, 's.past.length');
    await page.getByTestId('cluster-run').click();
    const accept = page.getByTestId('cluster-accept');
    await accept.waitFor(LONG);
    await expect.poll(() => renderedPreview(page), LONG).toBeGreaterThan(20);
    expect(await assignmentKey(page)).toBe(before);
    // Accept is on screen and the dialog leaves most of the map in view.
    const a = (await accept.boundingBox())!;
    expect(a.y + a.height).toBeLessThanOrEqual(720);
    expect(a.x + a.width).toBeLessThanOrEqual(1280);
    const d = (await dialog.boundingBox())!;
    const map = (await page.locator('#map').boundingBox())!;
    expect(d.x - map.x).toBeGreaterThan(map.width * 0.6);
    await screenshot(page, 'cluster-preview-1280');
    await accept.click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => state<number>(page, 's.past.length')).toBe(steps + 1);
    const after = await assignmentKey(page);
    expect(after).not.toBe(before);
    await expect.poll(() => renderedPreview(page)).toBe(0);
    // The Align comparison is still there, re-run on the accepted plan.
    await expect
      .poll(() => page.getByTestId('align-network-row').count(), LONG)
      .toBe(await state<number>(page, 's.doc.networks.length'));
    await page.getByTestId('undo').click();
    await expect.poll(() => assignmentKey(page)).toBe(before);
    expect(errors).toEqual([]);
  });
});
