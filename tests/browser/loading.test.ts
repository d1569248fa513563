// National data through the toolbar: the practice file and the boundary are opened in the import
// worker, which also builds the tessellation and evaluates the plan; the app shows exactly what the
// engine computes, refuses a broken boundary with the plan as it was, and undoes the boundary.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildTessellation } from '../../src/core/geometry';
import { assignmentFromTable, parseBoundary, parsePractices } from '../../src/core/io';
import { DEFAULT_BAND } from '../../src/core/model';
import { evaluatePlan, type PlanResult } from '../../src/core/plan';
import { idle, number, renderedNetworks, state } from './app';
import { screenshot, sharedData, useApp } from './browser';

const PRACTICES = 'england_practices_2022-01.geojson';
const BOUNDARY = 'england_icb_2022_ultragen.geojson';
const LONG = { timeout: 90_000 };

/** The panel's figures as the engine computes them, in the panel's words. */
function figures(plan: PlanResult) {
  const fmt = (n: number) => n.toLocaleString('en-GB');
  return {
    practices: plan.input.practices.length,
    inBand: `${fmt(plan.inBand)} of ${fmt(plan.networks.size)}`,
    nonContiguous: plan.nonContiguous.length,
    unassignedPopulation: plan.unassignedPopulation,
  };
}

async function shown(page: Page) {
  return {
    practices: await number(page, 'summary-practices'),
    inBand: (await page.getByTestId('summary-in-band').innerText()).trim(),
    nonContiguous: await number(page, 'summary-non-contiguous'),
    unassignedPopulation: await number(page, 'summary-unassigned-population'),
  };
}

describe('national practices and the England boundary, opened in the import worker', () => {
  const table = parsePractices(readFileSync(path.join(sharedData, PRACTICES), 'utf8'), PRACTICES);
  const boundary = parseBoundary(readFileSync(path.join(sharedData, BOUNDARY), 'utf8'), BOUNDARY);
  if (!table.ok || !boundary.ok) throw new Error('cannot read the national files');
  const input = { practices: table.value.practices, ...assignmentFromTable(table.value), band: DEFAULT_BAND };
  const hull = figures(evaluatePlan(input, buildTessellation(input.practices, null)));
  const england = figures(evaluatePlan(input, buildTessellation(input.practices, boundary.value)));

  const { page, errors } = useApp({ idle: true });

  it('shows the plan the engine computes: practices over their hull, then under the boundary', async () => {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => number(page, 'summary-practices')).toBe(0);
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, PRACTICES));
    await expect.poll(() => shown(page), LONG).toEqual(hull);
    await page.getByTestId('file-boundary').setInputFiles(path.join(sharedData, BOUNDARY));
    await expect.poll(() => shown(page), LONG).toEqual(england);
    await expect.poll(() => page.getByTestId('sources').innerText(), LONG).toContain(BOUNDARY);
    await idle(page);
    await expect.poll(async () => (await renderedNetworks(page)).length, LONG).toBeGreaterThan(100);
    await screenshot(page, 'loading-01-england');
    expect(errors).toEqual([]);
  });

  it('refuses a broken boundary under the national plan, naming it, with the plan as it was', async () => {
    const before = await state<string>(page, 'JSON.stringify([s.doc.boundary, s.doc.sources])');
    await page.getByTestId('file-boundary').setInputFiles({
      name: 'broken-boundary.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from('{"type":"Polygon","coordinates":[[[-2,53],[-1,53],[-1,"north"],[-2,53]]]}'),
    });
    await expect
      .poll(() => page.getByTestId('problems').innerText(), LONG)
      .toContain('broken-boundary.geojson was not loaded');
    expect(await state<string>(page, 'JSON.stringify([s.doc.boundary, s.doc.sources])')).toBe(before);
    expect(await shown(page)).toEqual(england);
    expect(errors).toEqual([]);
  });

  it('undoes the boundary back to the plan over the hull', async () => {
    await page.getByTestId('undo').click();
    await expect.poll(() => shown(page), LONG).toEqual(hull);
    await expect.poll(() => page.getByTestId('sources').innerText(), LONG).not.toContain(BOUNDARY);
    expect(errors).toEqual([]);
  });
});
