// A new user's first hour on real data (Greater Manchester), in Chromium against the built app:
// open practices over the demo, then the boundary; paint with an explicit network; move a
// practice with the keyboard only; merge with confirmation; rename as one undo step; lasso by
// drag; draw a polygon with close corners; reload straight after an edit.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { act, idle, number, onMap, onMapAll, renderedNetworks, state } from './app';
import { artefacts, screenshot, sharedData, useApp } from './browser';

const GM_PRACTICES = path.join(sharedData, 'gm_practices_2022-01.csv');
const GM_BOUNDARY = path.join(sharedData, 'gm_combined_authority_2023_bgc.geojson');
const LONG = { timeout: 20_000 };

interface Target {
  code: string;
  name: string;
  lon: number;
  lat: number;
  from: string;
  to: string;
  toName: string;
}

/** An assigned practice far from any other (easy to hit on the map) and another network. */
const isolatedPractice = (page: Page) =>
  state<Target>(
    page,
    `(() => {
  const ps = s.doc.practices;
  const gap = (p) => Math.min(...ps.filter((q) => q !== p).map((q) => Math.hypot(q.lon - p.lon, q.lat - p.lat)));
  const p = ps.filter((x) => s.doc.assignment.has(x.code)).reduce((a, b) => (gap(b) > gap(a) ? b : a));
  const from = s.doc.assignment.get(p.code);
  const to = s.doc.networks.find((n) => n.id !== from && !n.locked);
  return { code: p.code, name: p.name, lon: p.lon, lat: p.lat, from, to: to.id, toName: to.name };
})()`,
  );

const networkOf = (page: Page, code: string) =>
  state<string | undefined>(page, `s.doc.assignment.get(${JSON.stringify(code)})`);

describe('the first hour in the app, on Greater Manchester', () => {
  const { page, errors } = useApp({ idle: true });

  it('opens real practices over the demo as a new plan, then its boundary: no demo leftovers, no stale problems', async () => {
    await expect.poll(() => page.getByTestId('sources').innerText()).toMatch(/Demo/);
    await page.getByTestId('file-practices').setInputFiles(GM_PRACTICES);
    await expect.poll(() => number(page, 'summary-practices'), LONG).toBe(426);
    await expect
      .poll(() => page.getByTestId('sources').innerText())
      .toBe('Practices: gm_practices_2022-01.csv · Boundary: hull of the practices');
    expect(await state<boolean>(page, 's.doc.boundary === null')).toBe(true);
    expect(await page.getByTestId('problems').count()).toBe(0);
    await expect.poll(() => page.getByTestId('network-list').innerText()).not.toMatch(/no footprint/);
    await idle(page);
    const networks = await state<number>(page, 's.doc.networks.length');
    await expect.poll(async () => (await renderedNetworks(page)).length, LONG).toBeGreaterThan(networks * 0.8);
    await screenshot(page, 'first-01-practices-hull');

    await page.getByTestId('file-boundary').setInputFiles(GM_BOUNDARY);
    await expect
      .poll(() => page.getByTestId('sources').innerText())
      .toBe('Practices: gm_practices_2022-01.csv · Boundary: gm_combined_authority_2023_bgc.geojson');
    await expect.poll(() => page.getByTestId('summary-in-band').innerText(), LONG).toBe('34 of 67');
    // The only problems left are this plan's own: practices outside this boundary, if any.
    const outside = await state<number>(page, `s.doc.practices.length`);
    await expect
      .poll(async () => ((await page.getByTestId('problems').count()) === 0 ? 0 : number(page, 'problems-count')))
      .toBeLessThan(outside / 10);
    const patients = await state<number>(page, 's.doc.practices.reduce((n, p) => n + p.listSize, 0)');
    expect(await number(page, 'summary-patients')).toBe(patients);
    await page.mouse.wheel(0, -1500);
    await page.getByTestId('zoom-all').click();
    await idle(page);
    await expect
      .poll(async () => (await renderedNetworks(page)).length, LONG)
      .toBe(await state<number>(page, 's.doc.networks.length'));
    // Labels never overlap, and out-of-band networks are labelled first.
    await expect.poll(() => page.locator('[data-label="footprint"]').count(), LONG).toBeGreaterThan(15);
    const boxes = await page.locator('[data-label="footprint"]').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { l: r.left, t: r.top, r: r.right, b: r.bottom, out: e.classList.contains('pcn-label--out') };
      }),
    );
    const overlaps = boxes.flatMap((a, i) =>
      boxes.slice(i + 1).filter((b) => a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1),
    );
    expect(overlaps).toEqual([]);
    expect(boxes.filter((b) => b.out).length).toBeGreaterThan(10);
    await screenshot(page, 'first-02-boundary');
    expect(errors).toEqual([]);
  });

  it('asks before opening practices over a real plan; "Start a new plan" drops the old boundary', async () => {
    await page.getByTestId('file-practices').setInputFiles(GM_PRACTICES);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-new');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await state<boolean>(page, 's.doc.boundary !== null')).toBe(true);
    await page.getByTestId('file-practices').setInputFiles(GM_PRACTICES);
    await page.getByTestId('open-new').click();
    await expect
      .poll(() => page.getByTestId('sources').innerText())
      .toBe('Practices: gm_practices_2022-01.csv · Boundary: hull of the practices');
    await page.getByTestId('file-boundary').setInputFiles(GM_BOUNDARY);
    await expect.poll(() => page.getByTestId('summary-in-band').innerText(), LONG).toBe('34 of 67');
    await idle(page);
    expect(errors).toEqual([]);
  });

  it('paints only with a network the user chose, shown in the toolbar', async () => {
    const t = await isolatedPractice(page);
    expect(await state<string | null>(page, 's.activeNetwork')).toBeNull();
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('mode-paint').getAttribute('aria-checked')).toBe('true');
    // The crosshair holds on the canvas container while the button is down (no restyle of the labels in it).
    const containerCursor = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('.maplibregl-canvas-container')!).cursor);
    await expect.poll(containerCursor).toBe('crosshair');
    const at = await onMap(page, t.lon, t.lat);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    expect(await containerCursor()).toBe('crosshair');
    await page.mouse.up();
    await expect.poll(() => page.locator('.notices').innerText()).toContain('Choose a network to paint with');
    expect(await networkOf(page, t.code)).toBe(t.from);

    const picker = page.getByTestId('painting-network');
    await picker.fill(t.to);
    await picker.press('Enter');
    await expect.poll(() => state<string | null>(page, 's.activeNetwork')).toBe(t.to);
    await expect.poll(() => picker.inputValue()).toBe(`${t.toName} (${t.to})`);
    const steps = await state<number>(page, 's.past.length');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => networkOf(page, t.code)).toBe(t.to);
    expect(await state<number>(page, 's.past.length')).toBe(steps + 1);
    await screenshot(page, 'first-03-painting');
    await page.getByTestId('undo').click();
    await expect.poll(() => networkOf(page, t.code)).toBe(t.from);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('moves a practice to a neighbouring network with the keyboard only', async () => {
    const t = await isolatedPractice(page);
    await page.focus('#search-input');
    await page.keyboard.type(t.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('practice-details').innerText()).toContain(t.code);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'practice-network-picker');
    }
    expect(reached).toBe(true);
    const neighbours = await page
      .getByRole('group', { name: 'Neighbouring networks' })
      .getByRole('button')
      .allInnerTexts();
    expect(neighbours.length).toBeGreaterThan(0);
    const to = await state<{ id: string; name: string }>(
      page,
      `(() => { const n = s.doc.networks.find((x) => x.name === ${JSON.stringify(neighbours[0].trim())}); return { id: n.id, name: n.name }; })()`,
    );
    const steps = await state<number>(page, 's.past.length');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(to.id);
    await page.keyboard.press('Enter');
    await expect.poll(() => networkOf(page, t.code)).toBe(to.id);
    await expect.poll(() => page.getByTestId('practice-network').innerText()).toBe(to.name);
    expect(await state<number>(page, 's.past.length')).toBe(steps + 1);
    await screenshot(page, 'first-04-keyboard-move');
    await page.getByTestId('undo').click();
    await expect.poll(() => networkOf(page, t.code)).toBe(t.from);
    expect(errors).toEqual([]);
  });

  it('merges only after confirmation, and a rename is one undo step', async () => {
    const row = page.getByTestId('network-list').locator('li').first();
    const before = await state<number>(page, 's.doc.networks.length');
    await row.getByRole('button', { name: /^Merge another network into/ }).click();
    const chooser = row.getByTestId('merge-from');
    await chooser.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => chooser.inputValue()).not.toBe('');
    expect(await state<number>(page, 's.doc.networks.length')).toBe(before);
    await expect.poll(() => row.getByTestId('merge-confirm').innerText()).toMatch(/^Merge .+ into .+/);
    await row.getByTestId('merge-confirm').click();
    await expect.poll(() => state<number>(page, 's.doc.networks.length')).toBe(before - 1);
    await page.getByTestId('undo').click();
    await expect.poll(() => state<number>(page, 's.doc.networks.length')).toBe(before);

    const name = row.getByTestId('network-name');
    const original = await name.inputValue();
    const steps = await state<number>(page, 's.past.length');
    await name.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' NORTH', { delay: 20 });
    expect(await state<number>(page, 's.past.length')).toBe(steps);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => state<boolean>(page, `s.doc.networks.some((n) => n.name === ${JSON.stringify(`${original} NORTH`)})`))
      .toBe(true);
    expect(await state<number>(page, 's.past.length')).toBe(steps + 1);
    await page.getByTestId('undo').click();
    await expect
      .poll(() => state<boolean>(page, `s.doc.networks.some((n) => n.name === ${JSON.stringify(original)})`))
      .toBe(true);
    expect(errors).toEqual([]);
  });

  it('lassos by press-drag-release: exactly the practices inside join the active network, one undo step', async () => {
    const t = await isolatedPractice(page);
    await act(page, `s.setActiveNetwork(${JSON.stringify(t.to)})`);
    const box = (await page.locator('#map').boundingBox())!;
    const cx = box.x + box.width / 2,
      cy = box.y + box.height / 2,
      r = 70;
    // Practices whose screen position is well inside the loop and not yet in the network.
    const pts = await state<{ code: string; lon: number; lat: number; net: string }[]>(
      page,
      's.doc.practices.map((p) => ({ code: p.code, lon: p.lon, lat: p.lat, net: s.doc.assignment.get(p.code) }))',
    );
    const inside: string[] = [];
    const screen = await onMapAll(page, pts);
    pts.forEach((p, i) => {
      if (Math.hypot(screen[i].x - cx, screen[i].y - cy) < r - 6 && p.net !== t.to) inside.push(p.code);
    });
    expect(inside.length).toBeGreaterThan(0);
    const steps = await state<number>(page, 's.past.length');
    await page.keyboard.press('l');
    await page.locator('#map[data-shape-tool="freehand"]').waitFor({ timeout: 30_000 });
    await page.mouse.move(cx + r, cy);
    await page.mouse.down();
    for (let k = 1; k <= 48; k++) {
      const a = (2 * Math.PI * k) / 48;
      await page.mouse.move(cx + r * Math.cos(a), cy + r * Math.sin(a), { steps: 2 });
    }
    await screenshot(page, 'first-05-lasso-dragging');
    await page.mouse.up();
    await expect.poll(() => state<number>(page, 's.past.length'), LONG).toBe(steps + 1);
    const joined = await state<string[]>(
      page,
      `${JSON.stringify(inside)}.filter((c) => s.doc.assignment.get(c) === ${JSON.stringify(t.to)})`,
    );
    expect(joined).toEqual(inside);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('draws a polygon with two close corners: it closes only on the first vertex, leaving no half polygon', async () => {
    const box = (await page.locator('#map').boundingBox())!;
    const cx = box.x + box.width / 2,
      cy = box.y + box.height / 2;
    const corners = [
      [-90, -70],
      [90, -70],
      [100, 60],
      [80, 70],
      [-90, 70],
    ].map(([dx, dy]) => ({ x: cx + dx, y: cy + dy }));
    const networks = await state<number>(page, 's.doc.networks.length');
    await page.keyboard.press('d');
    await page.locator('#map[data-shape-tool="polygon"]').waitFor({ timeout: 30_000 });
    for (const c of corners) {
      await page.mouse.move(c.x, c.y, { steps: 4 });
      await page.mouse.click(c.x, c.y);
      await page.waitForTimeout(150);
    }
    // Two corners 22 px apart did not close it.
    expect(await state<number>(page, 's.doc.networks.length')).toBe(networks);
    await page.mouse.move(corners[0].x, corners[0].y, { steps: 4 });
    await page.mouse.click(corners[0].x, corners[0].y);
    await expect.poll(() => state<number>(page, 's.doc.networks.length'), LONG).toBe(networks + 1);
    await page.mouse.move(cx + 150, cy + 150, { steps: 5 });
    await screenshot(page, 'first-06-drawn');
    await page.keyboard.press('Escape');
    await page.getByTestId('undo').click();
    await expect.poll(() => state<number>(page, 's.doc.networks.length')).toBe(networks);
    expect(errors).toEqual([]);
  });

  it('exports GeoJSON, CSV, the plan and PNGs (titled, legend not clipped, whole area on request)', async () => {
    const download = async (testid: string) => {
      const [dl] = await Promise.all([page.waitForEvent('download', LONG), page.getByTestId(testid).click()]);
      return readFileSync((await dl.path())!);
    };
    const fc = JSON.parse((await download('export-geojson')).toString('utf8'));
    expect(fc.features).toHaveLength(await state<number>(page, 's.doc.networks.length'));
    const csv = (await download('export-csv')).toString('utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(427);
    const plan = JSON.parse((await download('save-plan')).toString('utf8'));
    expect(plan.sources).toEqual([
      { kind: 'practices', name: 'gm_practices_2022-01.csv' },
      { kind: 'boundary', name: 'gm_combined_authority_2023_bgc.geojson' },
    ]);
    const mapWidth = await page.evaluate(() => document.querySelector('#map canvas')!.clientWidth);
    const probe = await state<{ lon: number; lat: number }>(
      page,
      '({ lon: s.doc.practices[0].lon, lat: s.doc.practices[0].lat })',
    );
    const viewBefore = await onMap(page, probe.lon, probe.lat);
    for (const id of ['export-png', 'export-png-whole']) {
      const png = await download(id);
      writeFileSync(path.join(artefacts, `first-${id}.png`), png);
      // Decoded in the page: wider than the map (legend beside it) and a blank right margin (nothing cut off).
      const check = await page.evaluate(async (b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const edge = ctx.getImageData(img.width - 8, 0, 8, img.height).data;
        let ink = 0;
        for (let i = 0; i < edge.length; i += 4) if (edge[i] + edge[i + 1] + edge[i + 2] < 700) ink++;
        return { width: img.width, ink };
      }, png.toString('base64'));
      expect(check.width).toBeGreaterThan(mapWidth + 250);
      expect(check.ink).toBe(0);
    }
    // The whole-area export put the view back where it was.
    const viewAfter = await onMap(page, probe.lon, probe.lat);
    expect(Math.hypot(viewAfter.x - viewBefore.x, viewAfter.y - viewBefore.y)).toBeLessThan(1);
    expect(errors).toEqual([]);
  });

  it('keeps an edit made just before a reload (autosave flushed on pagehide)', async () => {
    const t = await isolatedPractice(page);
    await act(page, `s.assignPractices([${JSON.stringify(t.code)}], ${JSON.stringify(t.to)})`);
    await page.reload();
    await page.getByTestId('summary-practices').waitFor();
    await expect.poll(() => number(page, 'summary-practices'), LONG).toBe(426);
    expect(await networkOf(page, t.code)).toBe(t.to);
    expect(errors).toEqual([]);
  });
});
