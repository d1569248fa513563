// Footprints from small areas in a real browser: Greater Manchester practices, LSOAs and NHS
// Digital's registrations opened through the Small areas tab, live under edits, catchment on hover.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { CRS, forEachPosition, wgs84ToBng } from '../../src/core/io/crs';
import { encodeFeatures } from '../../src/core/io/write-output';
import { act, changedShare, idle, state } from './app';
import { screenshot, sharedData, useApp } from './browser';

const lsoas = () =>
  JSON.parse(readFileSync(path.join(sharedData, 'gm_lsoa2011_bgc.geojson'), 'utf8')) as FeatureCollection & {
    crs?: unknown;
  };

/** The GM LSOAs in British National Grid metres with no `crs` member. */
function lsoasInMetres(): Buffer {
  const doc = lsoas();
  delete doc.crs;
  forEachPosition(doc, (p) => {
    const [e, n] = wgs84ToBng(p[0], p[1]);
    p[0] = e;
    p[1] = n;
  });
  return Buffer.from(JSON.stringify(doc));
}

/** NHS Digital's registrations as Excel would save them after an edit: Windows-1252, one accented name. */
function registrations1252(): Buffer {
  const text = readFileSync(path.join(sharedData, 'gm_practice_lsoa_2022-07.csv'), 'utf8').replaceAll(
    'HOWARD STREET MEDICAL',
    'HOWARD STREET MÉDICAL',
  );
  return Buffer.from(text, 'latin1');
}

describe('small-area footprints in Chromium', () => {
  const { page, errors } = useApp();

  it('opens the LSOA layer and the registrations in a worker and switches footprints to small areas', async () => {
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    await expect.poll(() => state<number>(page, 's.doc.practices.length'), { timeout: 30_000 }).toBe(426);
    await page
      .getByTestId('file-boundary')
      .setInputFiles(path.join(sharedData, 'gm_combined_authority_2023_bgc.geojson'));
    await expect.poll(() => page.locator('.sources').innerText()).toContain('gm_combined_authority_2023_bgc.geojson');
    await idle(page);
    await page.getByRole('tab', { name: 'Small areas' }).click();
    await page.getByTestId('open-layer').setInputFiles(path.join(sharedData, 'gm_lsoa2011_bgc.geojson'));
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('1,673 small areas from gm_lsoa2011_bgc.geojson (lsoa11cd)');
    await page.getByTestId('open-registrations').setInputFiles(path.join(sharedData, 'gm_practice_lsoa_2022-07.csv'));
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('59,191 registration rows from gm_practice_lsoa_2022-07.csv');
    expect(await state<string>(page, 's.smallAreas.registrationsFile.sha256')).toMatch(/^[0-9a-f]{64}$/);
    await page.getByTestId('footprints-small-areas').check();
    await expect
      .poll(() => page.getByTestId('resident-share').innerText(), { timeout: 30_000 })
      .toMatch(/Patients living in their own network's footprint: 73\.\d%/);
    await expect.poll(() => page.getByTestId('resident-shares').locator('tbody tr').count()).toBe(67);
    await idle(page);
    await screenshot(page, 'small-areas-01-footprints');
    expect(errors).toEqual([]);
  });

  it('follows a practice moved to another network and shows its catchment on hover', async () => {
    const before = await page.getByTestId('resident-share').innerText();
    const code = await state<string>(
      page,
      "s.doc.practices.find((p) => s.doc.assignment.get(p.code) === 'U79938').code",
    );
    await act(page, `s.assignPractices(['${code}'], 'U05517')`);
    await expect.poll(() => page.getByTestId('resident-share').innerText(), { timeout: 20_000 }).not.toBe(before);
    await idle(page);
    await page.waitForTimeout(300);
    await changedShare(page, 'catchment');
    await act(page, `s.hoverPractice('${code}')`);
    await expect
      .poll(() => page.getByTestId('catchment').innerText(), { timeout: 20_000 })
      .toMatch(new RegExp(`^${code}: patients live in \\d+ small areas`));
    await idle(page);
    // The catchment is shaded on the map: a visible share of the map changes colour.
    await expect
      .poll(
        async () => {
          await page.waitForTimeout(200);
          return changedShare(page, 'catchment');
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0.005);
    await screenshot(page, 'small-areas-02-catchment');
    await act(page, 's.undo()');
    await expect.poll(() => page.getByTestId('resident-share').innerText(), { timeout: 20_000 }).toBe(before);
    expect(errors).toEqual([]);
  });

  it('opens the layer as a BNG shapefile zip and as unlabelled metres (after the question), and Windows-1252 registrations', async () => {
    const zip = encodeFeatures(lsoas(), 'lsoa-bng.zip', CRS.bng) as Uint8Array;
    await page
      .getByTestId('open-layer')
      .setInputFiles({ name: 'lsoa-bng.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('1,673 small areas from lsoa-bng.zip (lsoa11cd)');
    await page
      .getByTestId('open-layer')
      .setInputFiles({ name: 'lsoa-metres.geojson', mimeType: 'application/geo+json', buffer: lsoasInMetres() });
    await page.getByText('These look like British National Grid metres').waitFor({ timeout: 30_000 });
    await page.getByTestId('bng-yes').click();
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('1,673 small areas from lsoa-metres.geojson (lsoa11cd)');
    await page
      .getByTestId('open-registrations')
      .setInputFiles({ name: 'registrations-1252.csv', mimeType: 'text/csv', buffer: registrations1252() });
    await expect
      .poll(() => page.getByTestId('small-area-files').innerText(), { timeout: 30_000 })
      .toContain('59,191 registration rows from registrations-1252.csv');
    await expect
      .poll(() => page.getByTestId('problems').textContent(), { timeout: 20_000 })
      .toMatch(/registrations-1252\.csv: is not UTF-8 text; read as Windows-1252/);
    await page.getByTestId('footprints-small-areas').check();
    await expect
      .poll(() => page.getByTestId('resident-share').innerText(), { timeout: 30_000 })
      .toMatch(/Patients living in their own network's footprint: 73\.\d%/);
    await idle(page);
    await screenshot(page, 'small-areas-03-bng-1252');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('small-areas-export').click()]);
    expect(dl.suggestedFilename()).toBe('small-areas.csv');
    const lines = readFileSync((await dl.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('small_area_code,network_id,method,network_patients,all_patients');
    expect(lines.length).toBe(1 + 1_673);
    const networks = new Set(await state<string[]>(page, 's.doc.networks.map((n) => n.id)'));
    expect(
      lines.slice(1).every((l) => {
        const [code, id, method] = l.split(',');
        return /^E01\d{6}$/.test(code) && (id === '' ? method === 'none' : networks.has(id));
      }),
    ).toBe(true);
    await page.getByTestId('footprints-cells').check();
    expect(errors).toEqual([]);
  });

  it('nests footprints in the hard areas chosen in the tab: GM boroughs by either field, then Trafford localities', async () => {
    // Each LSOA's borough from its own name ("Bolton 005A"), independent of the engine's point-in-polygon.
    const borough = new Map(
      lsoas().features.map((f) => [
        String(f.properties!.lsoa11cd),
        String(f.properties!.lsoa11nm).replace(/ \d{3}[A-Z]$/, ''),
      ]),
    );
    /** Network id -> boroughs of its LSOAs, from the exported small-area CSV. */
    const boroughsOfNetworks = async () => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('small-areas-export').click()]);
      const byNetwork = new Map<string, Set<string>>();
      for (const line of readFileSync((await dl.path())!, 'utf8')
        .trim()
        .split('\n')
        .slice(1)) {
        const [code, id] = line.split(',');
        if (!id) continue;
        const set = byNetwork.get(id) ?? new Set<string>();
        set.add(borough.get(code)!);
        byNetwork.set(id, set);
      }
      return byNetwork;
    };
    const split = (m: Map<string, Set<string>>) => [...m.values()].filter((b) => b.size > 1).length;
    await page.getByTestId('footprints-small-areas').check();
    await expect.poll(() => page.getByTestId('resident-share').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('hard-areas-file').innerText()).toContain('No hard areas');
    expect(split(await boroughsOfNetworks())).toBeGreaterThan(0);

    await page
      .getByTestId('open-hard-areas')
      .setInputFiles(path.join(sharedData, 'gm_local_authorities_2023_bgc.geojson'));
    await expect
      .poll(() => page.getByTestId('hard-areas-file').innerText(), { timeout: 30_000 })
      .toContain('10 hard areas from gm_local_authorities_2023_bgc.geojson by lad23nm');
    await expect.poll(async () => split(await boroughsOfNetworks()), { timeout: 30_000 }).toBe(0);
    await idle(page);
    await screenshot(page, 'small-areas-04-within-boroughs');

    await page.getByTestId('hard-area-field').selectOption('lad23cd');
    await expect
      .poll(() => page.getByTestId('hard-areas-file').innerText(), { timeout: 30_000 })
      .toContain('10 hard areas from gm_local_authorities_2023_bgc.geojson by lad23cd');
    expect(split(await boroughsOfNetworks())).toBe(0);

    // A move keeps the nesting (the incremental update with hard areas).
    const code = await state<string>(
      page,
      "s.doc.practices.find((p) => s.doc.assignment.get(p.code) === 'U79938').code",
    );
    const before = await page.getByTestId('resident-share').innerText();
    await act(page, `s.assignPractices(['${code}'], 'U05517')`);
    await expect.poll(() => page.getByTestId('resident-share').innerText(), { timeout: 20_000 }).not.toBe(before);
    expect(split(await boroughsOfNetworks())).toBe(0);
    await act(page, 's.undo()');

    await page.getByTestId('open-hard-areas').setInputFiles(path.join(sharedData, 'trafford_localities_2023.geojson'));
    await expect
      .poll(() => page.getByTestId('hard-areas-file').innerText(), { timeout: 30_000 })
      .toContain('4 hard areas from trafford_localities_2023.geojson by locality');
    await page.getByTestId('hard-areas-clear').click();
    await expect.poll(() => page.getByTestId('hard-areas-file').innerText()).toContain('No hard areas');
    await expect.poll(async () => split(await boroughsOfNetworks()), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('back to practice cells hides the small-area figures', async () => {
    await page.getByTestId('footprints-cells').check();
    await expect.poll(() => page.getByTestId('resident-share').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
