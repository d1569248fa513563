// The planner in a real browser, against the built app: what a planner does, start to finish.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { act, idle, mapPixel, number, onMapAll, renderedNetworks, state } from './app';
import { screenshot, sharedData, useApp } from './browser';
import { polygonValidityErrors } from '../unit/geometry/validity';

const project = (page: Page, lon: number, lat: number) =>
  page.evaluate(
    ([x, y]) =>
      (window as unknown as { __pcn: { project(a: number, b: number): { x: number; y: number } } }).__pcn.project(x, y),
    [lon, lat] as const,
  );

describe('the planner app in Chromium', () => {
  const { page, errors } = useApp({ idle: true });

  it('renders the demo region on the map (real pixels) with its networks', async () => {
    expect(await number(page, 'summary-practices')).toBe(86);
    // Every one of the demo's 12 networks has its footprint drawn (not just the land fill).
    await expect
      .poll(async () => (await renderedNetworks(page)).sort(), { timeout: 20_000 })
      .toEqual((await state<string[]>(page, 's.doc.networks.map((n) => n.id)')).sort());
    await screenshot(page, '01-demo');
    expect(errors).toEqual([]);
  });

  it('loads Greater Manchester practices and boundary through the file inputs', async () => {
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    await expect.poll(() => number(page, 'summary-practices'), { timeout: 20_000 }).toBe(426);
    await page
      .getByTestId('file-boundary')
      .setInputFiles(path.join(sharedData, 'gm_combined_authority_2023_bgc.geojson'));
    await expect
      .poll(() => page.getByTestId('sources').innerText())
      .toContain('gm_combined_authority_2023_bgc.geojson');
    await idle(page);
    await expect.poll(() => page.getByTestId('summary-in-band').innerText()).toBe('34 of 67');
    await screenshot(page, '02-gm-loaded');
    expect(errors).toEqual([]);
  });

  it('click-assigns a practice in paint mode and the totals change; undo and redo restore them', async () => {
    const target = await state<{ code: string; lon: number; lat: number; from: string; to: string }>(
      page,
      `(() => { const ps = s.doc.practices; const gap = (p) => Math.min(...ps.filter((q) => q !== p).map((q) => Math.hypot(q.lon - p.lon, q.lat - p.lat))); const p = ps.filter((x) => s.doc.assignment.has(x.code)).reduce((a, b) => (gap(b) > gap(a) ? b : a)); const from = s.doc.assignment.get(p.code); const to = s.doc.networks.find((n) => n.id !== from).id; return { code: p.code, lon: p.lon, lat: p.lat, from, to }; })()`,
    );
    await act(page, `s.setActiveNetwork(${JSON.stringify(target.to)})`);
    const before = await page.getByTestId(`network-${target.to}`).getByTestId('network-population').innerText();
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('mode-paint').getAttribute('aria-checked')).toBe('true');
    const xy = await project(page, target.lon, target.lat);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + xy.x, box.y + xy.y);
    await expect.poll(() => state<string>(page, `s.doc.assignment.get('${target.code}')`)).toBe(target.to);
    await expect
      .poll(() => page.getByTestId(`network-${target.to}`).getByTestId('network-population').innerText())
      .not.toBe(before);
    // The circle is drawn in the network's colour (its centre pixel, read from the canvas), and in
    // the old one after undo.
    const colourOf = (id: string) =>
      state<string>(page, `s.doc.networks.find((n) => n.id === ${JSON.stringify(id)}).colour.toLowerCase()`);
    await expect.poll(() => mapPixel(page, xy.x, xy.y), { timeout: 20_000 }).toBe(await colourOf(target.to));
    await screenshot(page, '03-painted');
    await page.getByTestId('undo').click();
    await expect.poll(() => state<string>(page, `s.doc.assignment.get('${target.code}')`)).toBe(target.from);
    await expect.poll(() => mapPixel(page, xy.x, xy.y), { timeout: 20_000 }).toBe(await colourOf(target.from));
    await expect
      .poll(() => page.getByTestId(`network-${target.to}`).getByTestId('network-population').innerText())
      .toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => state<string>(page, `s.doc.assignment.get('${target.code}')`)).toBe(target.to);
    expect(errors).toEqual([]);
  });

  it('paints a practice by clicking its cell away from its circle (the cell found from the tessellation)', async () => {
    // The most isolated practice, and a point a third of the way to its nearest neighbour: nearer
    // to it than to any other practice, so in its Voronoi cell, and clear of every circle.
    const target = await state<{
      code: string;
      lon: number;
      lat: number;
      plon: number;
      plat: number;
      from: string;
      to: string;
    }>(
      page,
      `(() => { const ps = s.doc.practices; const near = (p) => ps.filter((q) => q !== p).reduce((a, b) => (Math.hypot(b.lon - p.lon, b.lat - p.lat) < Math.hypot(a.lon - p.lon, a.lat - p.lat) ? b : a)); const p = ps.filter((x) => s.doc.assignment.has(x.code)).reduce((a, b) => { const [na, nb] = [near(a), near(b)]; return Math.hypot(nb.lon - b.lon, nb.lat - b.lat) > Math.hypot(na.lon - a.lon, na.lat - a.lat) ? b : a; }); const n = near(p); const from = s.doc.assignment.get(p.code); const to = s.doc.networks.find((x) => x.id !== from).id; return { code: p.code, lon: p.lon + (n.lon - p.lon) / 3, lat: p.lat + (n.lat - p.lat) / 3, from, to, plon: p.lon, plat: p.lat }; })()`,
    );
    await act(page, `s.setActiveNetwork(${JSON.stringify(target.to)})`);
    await expect.poll(() => page.getByTestId('mode-paint').getAttribute('aria-checked')).toBe('true');
    const xy = await project(page, target.lon, target.lat);
    const circle = await project(page, target.plon, target.plat);
    expect(Math.hypot(xy.x - circle.x, xy.y - circle.y)).toBeGreaterThan(25);
    const box = (await page.locator('#map').boundingBox())!;
    const steps = await state<number>(page, 's.past.length');
    await page.mouse.click(box.x + xy.x, box.y + xy.y);
    await expect.poll(() => state<string>(page, `s.doc.assignment.get('${target.code}')`)).toBe(target.to);
    expect(await state<number>(page, 's.past.length')).toBe(steps + 1);
    await page.getByTestId('undo').click();
    await expect.poll(() => state<string>(page, `s.doc.assignment.get('${target.code}')`)).toBe(target.from);
    expect(errors).toEqual([]);
  });

  it('lasso-assigns every practice inside a drawn loop as one undo step', async () => {
    await page.keyboard.press('Escape');
    const box = (await page.locator('#map').boundingBox())!;
    const cx = box.x + box.width / 2,
      cy = box.y + box.height / 2,
      r = 60;
    const active = await state<string>(page, 's.activeNetwork');
    // Practices well inside the loop that are not yet in the active network, found independently.
    const pts = await state<{ code: string; lon: number; lat: number; net: string }[]>(
      page,
      's.doc.practices.map((p) => ({ code: p.code, lon: p.lon, lat: p.lat, net: s.doc.assignment.get(p.code) }))',
    );
    const toJoin: string[] = [];
    const screen = await onMapAll(page, pts);
    pts.forEach((p, i) => {
      if (Math.hypot(screen[i].x - cx, screen[i].y - cy) < r - 6 && p.net !== active) toJoin.push(p.code);
    });
    expect(toJoin.length).toBeGreaterThan(0);
    const steps = await state<number>(page, 's.past.length');
    await page.keyboard.press('l');
    await page.locator('#map[data-shape-tool="freehand"]').waitFor({ timeout: 30_000 });
    await page.mouse.click(cx + r, cy);
    for (let k = 1; k <= 36; k++) {
      const a = (2 * Math.PI * k) / 36;
      await page.mouse.move(cx + r * Math.cos(a), cy + r * Math.sin(a), { steps: 2 });
    }
    await page.mouse.click(cx + r, cy + 1);
    await expect.poll(() => state<number>(page, 's.past.length'), { timeout: 5000 }).toBe(steps + 1);
    expect(
      await state<string[]>(page, `${JSON.stringify(toJoin)}.filter((c) => s.doc.assignment.get(c) === '${active}')`),
    ).toEqual(toJoin);
    await screenshot(page, '04-lasso');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('exports networks GeoJSON in the documented schema', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    const fc = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(60);
    for (const f of fc.features) {
      expect(f.id).toBe(f.properties.network_id);
      expect(Object.keys(f.properties).sort()).toEqual(
        [
          'area_km2',
          'band',
          'band_max',
          'band_min',
          'contiguous',
          'network_id',
          'network_name',
          'parts',
          'polsby_popper',
          'population',
          'practice_codes',
          'practice_count',
        ].sort(),
      );
      expect(['below', 'within', 'above']).toContain(f.properties.band);
      if (f.geometry) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(polygonValidityErrors(f.geometry, f.id)).toEqual([]);
    }
  });

  it('shows an error for a broken file and leaves the plan intact', async () => {
    const before = await state<string>(page, 'JSON.stringify([s.doc.practices.length, [...s.doc.assignment]])');
    await page.getByTestId('file-practices').setInputFiles({
      name: 'broken.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-2.2,53.4]},"properties":{"practice_code":"X1","registered_patients":-3}}]}',
      ),
    });
    await expect
      .poll(() => page.getByTestId('problems').innerText(), { timeout: 20_000 })
      .toMatch(/broken\.geojson feature 0 \(X1\): list size "-3"/);
    expect(await state<string>(page, 'JSON.stringify([s.doc.practices.length, [...s.doc.assignment]])')).toBe(before);
    await screenshot(page, '05-broken-file');
    expect(errors).toEqual([]);
  });

  it('restores the plan after a reload (autosave)', async () => {
    const before = await state<string>(page, 'JSON.stringify([s.doc.practices.length, [...s.doc.assignment].sort()])');
    await page.waitForTimeout(1000);
    await page.reload();
    await page.getByTestId('summary-practices').waitFor();
    await expect.poll(() => number(page, 'summary-practices')).toBe(426);
    expect(await state<string>(page, 'JSON.stringify([s.doc.practices.length, [...s.doc.assignment].sort()])')).toBe(
      before,
    );
    await idle(page);
    await screenshot(page, '06-restored');
    expect(errors).toEqual([]);
  });
});
