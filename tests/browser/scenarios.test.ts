// Scenarios and comparison in Chromium on the demo region: duplicate, move three practices by
// painting, compare (table, moved list, rings on the map), export, switch back, undo in each
// scenario on its own, reload and find both; then a reference layer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { act, idle, state } from './app';
import { repoRoot, screenshot, useApp } from './browser';

const project = (page: Page, lon: number, lat: number) =>
  page.evaluate(
    ([x, y]) =>
      (window as unknown as { __pcn: { project(a: number, b: number): { x: number; y: number } } }).__pcn.project(x, y),
    [lon, lat] as const,
  );
const scenarioNames = (page: Page) =>
  page.getByTestId('scenario-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));

/** Dark pixels (of 8 sampled) on a circle of `radius` CSS px around a screen point: the moved-practice ring. */
function darkOnRing(page: Page, x: number, y: number, radius: number): Promise<number> {
  return page.evaluate(
    ([cx, cy, r]) => {
      const gl = document.querySelector('#map canvas') as HTMLCanvasElement;
      const scale = gl.width / gl.clientWidth;
      const c = document.createElement('canvas');
      c.width = gl.width;
      c.height = gl.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(gl, 0, 0);
      let dark = 0;
      for (let k = 0; k < 8; k++) {
        const a = (k * Math.PI) / 4;
        const d = ctx.getImageData(
          Math.round((cx + r * Math.cos(a)) * scale),
          Math.round((cy + r * Math.sin(a)) * scale),
          1,
          1,
        ).data;
        if (d[0] + d[1] + d[2] < 150) dark++;
      }
      return dark;
    },
    [x, y, radius] as const,
  );
}

interface Target {
  code: string;
  lon: number;
  lat: number;
  from: string;
}

describe('scenarios and comparison in Chromium', () => {
  const { page, errors } = useApp({ idle: true });
  let targets: Target[];
  let to: string;
  let unassigned: string;

  it('duplicates the open scenario and moves three practices in the copy by painting', async () => {
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    const name = page.getByTestId('scenario-name').first();
    await name.fill('Current 2022');
    await name.press('Tab');
    await expect.poll(() => scenarioNames(page)).toEqual(['Current 2022']);
    // An edit in the first scenario, to undo later on its own.
    unassigned = await state<string>(page, '[...s.doc.assignment.keys()][0]');
    await act(page, `s.assignPractices(['${unassigned}'], null)`);
    await page.getByTestId('scenario-duplicate').click();
    await expect.poll(() => scenarioNames(page)).toEqual(['Current 2022', 'Current 2022 copy']);
    const copy = page.getByTestId('scenario-name').nth(1);
    await copy.fill('Proposal A');
    await copy.press('Tab');
    await expect.poll(() => scenarioNames(page)).toEqual(['Current 2022', 'Proposal A']);
    expect(await state<number>(page, 's.past.length')).toBe(0);

    // The three most isolated assigned practices outside the target network.
    to = await state<string>(page, 's.doc.networks[0].id');
    targets = await state<Target[]>(
      page,
      `(() => { const ps = s.doc.practices; const gap = (p) => Math.min(...ps.filter((q) => q !== p).map((q) => Math.hypot(q.lon - p.lon, q.lat - p.lat))); return ps.filter((x) => s.doc.assignment.has(x.code) && s.doc.assignment.get(x.code) !== '${to}').sort((a, b) => gap(b) - gap(a)).slice(0, 3).map((p) => ({ code: p.code, lon: p.lon, lat: p.lat, from: s.doc.assignment.get(p.code) })); })()`,
    );
    await act(page, `s.setActiveNetwork('${to}')`);
    await page.keyboard.press('p');
    const box = (await page.locator('#map').boundingBox())!;
    for (const t of targets) {
      const xy = await project(page, t.lon, t.lat);
      await page.mouse.click(box.x + xy.x, box.y + xy.y);
      await expect.poll(() => state<string>(page, `s.doc.assignment.get('${t.code}')`), { timeout: 10_000 }).toBe(to);
    }
    await page.keyboard.press('Escape');
    expect(await state<number>(page, 's.past.length')).toBe(3);
    expect(errors).toEqual([]);
  });

  it('compares with the original: table, moved practices listed and ringed on the map', async () => {
    await expect.poll(() => page.getByTestId('compare-with').inputValue()).not.toBe('');
    await expect
      .poll(
        () => page.getByTestId('moved-practice').evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
        { timeout: 10_000 },
      )
      .toEqual(
        await state<string[]>(
          page,
          `s.doc.practices.map((p) => p.code).filter((c) => ${JSON.stringify(targets.map((t) => t.code))}.includes(c))`,
        ),
      );
    await expect
      .poll(() => page.getByTestId(`compare-row-${to}`).getByTestId('compare-in-out').innerText())
      .toBe('+3/−0');
    const population = await state<number>(
      page,
      `s.doc.practices.filter((p) => ${JSON.stringify(targets.map((t) => t.code))}.includes(p.code)).reduce((a, p) => a + p.listSize, 0)`,
    );
    expect(await page.getByTestId(`compare-row-${to}`).getByTestId('compare-change').innerText()).toBe(
      `+${population.toLocaleString('en-GB')}`,
    );
    await page.getByTestId('compare-sort-area').click();
    await expect.poll(() => page.getByTestId('compare-sort-area').getAttribute('class')).toBe('on');
    await idle(page);
    for (const t of targets) {
      const xy = await project(page, t.lon, t.lat);
      await expect.poll(() => darkOnRing(page, xy.x, xy.y, 16.5), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    }
    await screenshot(page, 'scenarios-01-compare');
    expect(errors).toEqual([]);
  });

  it('exports the comparison in the compare schemas', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export-changes').click()]);
    const lines = readFileSync((await dl.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('practice_code,practice_name,population,from_network_id,to_network_id');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(targets.map((t) => t.code).sort());
    for (const l of lines.slice(1)) expect(l.endsWith(`,${to}`)).toBe(true);
    const [nets] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('compare-export-networks').click(),
    ]);
    expect(readFileSync((await nets.path())!, 'utf8').split('\n')[0]).toBe(
      'network_id,network_name,population_before,population_after,practices_before,practices_after,area_km2_before,area_km2_after,area_changed_km2,band_before,band_after,practices_in,practices_out',
    );
    const [geo] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('compare-export-geojson').click(),
    ]);
    const fc = JSON.parse(readFileSync((await geo.path())!, 'utf8')) as {
      features: { properties: { kind: string } }[];
    };
    expect(fc.features.filter((f) => f.properties.kind === 'moved_practice')).toHaveLength(3);
    expect(fc.features.some((f) => f.properties.kind === 'area_gained')).toBe(true);
  });

  it('switches back, and undo works in each scenario on its own', async () => {
    await page.getByTestId('scenario-open').first().click();
    await expect
      .poll(() => state<string>(page, 's.scenarios.find((x) => x.id === s.activeScenario).name'))
      .toBe('Current 2022');
    for (const t of targets) expect(await state<string>(page, `s.doc.assignment.get('${t.code}')`)).toBe(t.from);
    await page.getByTestId('undo').click();
    await expect.poll(() => state<boolean>(page, `s.doc.assignment.has('${unassigned}')`)).toBe(true);
    await page.getByTestId('scenario-open').nth(1).click();
    await expect
      .poll(() => state<string>(page, 's.scenarios.find((x) => x.id === s.activeScenario).name'))
      .toBe('Proposal A');
    expect(await state<boolean>(page, `s.doc.assignment.has('${unassigned}')`)).toBe(false);
    await page.getByTestId('undo').click();
    await expect.poll(() => state<string>(page, `s.doc.assignment.get('${targets[2].code}')`)).toBe(targets[2].from);
    expect(await state<string>(page, `s.doc.assignment.get('${targets[0].code}')`)).toBe(to);
    // Now the scenarios differ by two moves and by the practice undone back into Current 2022 only.
    await expect
      .poll(() =>
        page.getByTestId('moved-practice').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')).sort()),
      )
      .toEqual([targets[0].code, targets[1].code, unassigned].sort());
    expect(errors).toEqual([]);
  });

  it('keeps both scenarios and a reference layer across a reload', async () => {
    await page.getByTestId('reference-file').setInputFiles(path.join(repoRoot, 'data/demo-boundary.geojson'));
    await expect
      .poll(() => page.getByTestId('reference-summary').innerText())
      .toMatch(/^demo-boundary\.geojson: \d+ polygons?$/);
    await idle(page);
    await screenshot(page, 'scenarios-02-reference');
    await page.waitForTimeout(1000);
    await page.reload();
    await page.getByTestId('summary-practices').waitFor();
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await expect.poll(() => scenarioNames(page), { timeout: 20_000 }).toEqual(['Current 2022', 'Proposal A']);
    expect(await state<string>(page, 's.scenarios.find((x) => x.id === s.activeScenario).name')).toBe('Proposal A');
    expect(await state<string>(page, `s.doc.assignment.get('${targets[0].code}')`)).toBe(to);
    await expect.poll(() => page.getByTestId('reference-summary').innerText()).toMatch(/^demo-boundary\.geojson/);
    expect(errors).toEqual([]);
  });
});
