// GIS and NHS files in the app: unlabelled British National Grid metres are read after the
// import dialog's confirmation, NHS Digital's list-size file is located through "Postcode
// lookup…" (streamed in a worker), and the networks export writes a BNG shapefile zip.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CRS, forEachPosition, wgs84ToBng } from '../../src/core/io/crs';
import { prepareInput } from '../../src/core/io/prepare-input';
import { listSizeCsv, onspdCsv, practiceRows } from '../unit/formats/nhs-files';
import { idle, number, state } from './app';
import { screenshot, sharedData, useApp } from './browser';

const rows = practiceRows();

/** GM practices with x/y columns in BNG metres and no word about the CRS. */
function metresCsv(): Buffer {
  const lines = rows.map((r) => {
    const [e, n] = wgs84ToBng(Number(r.longitude), Number(r.latitude));
    return [r.practice_code, `"${r.practice_name}"`, r.registered_patients, r.pcn_code, `"${r.pcn_name}"`, e, n].join(
      ',',
    );
  });
  return Buffer.from(['practice_code,practice_name,registered_patients,pcn_code,pcn_name,x,y', ...lines].join('\n'));
}

/** The GM boroughs in BNG metres, as GeoJSON with no `crs` member (what some GIS exports write). */
function boroughsMetres(): Buffer {
  const doc = JSON.parse(readFileSync(path.join(sharedData, 'gm_local_authorities_2023_bgc.geojson'), 'utf8')) as {
    crs?: unknown;
  };
  delete doc.crs;
  forEachPosition(doc, (p) => {
    const [e, n] = wgs84ToBng(p[0], p[1]);
    p[0] = e;
    p[1] = n;
  });
  return Buffer.from(JSON.stringify(doc));
}

/** Answers "Start a new plan" if the app asks (it does when a real plan is open). */
async function newPlanIfAsked(page: Page) {
  const button = page.getByTestId('open-new');
  if (await button.isVisible()) await button.click();
}

describe('GIS and NHS files in the app', () => {
  const { page, errors } = useApp({ idle: true });

  it('asks whether unlabelled metres are British National Grid, then reads them reprojected', async () => {
    await page
      .getByTestId('file-practices')
      .setInputFiles({ name: 'practices-xy.csv', mimeType: 'text/csv', buffer: metresCsv() });
    await page.getByText('These look like British National Grid metres').waitFor({ timeout: 20_000 });
    await screenshot(page, 'gis-01-bng-question');
    await page.getByTestId('bng-yes').click();
    await newPlanIfAsked(page);
    await expect.poll(() => number(page, 'summary-practices'), { timeout: 20_000 }).toBe(426);
    const p = await state<{ lon: number; lat: number }>(
      page,
      `s.doc.practices.find((x) => x.code === '${rows[0].practice_code}')`,
    );
    expect(Math.abs(p.lon - Number(rows[0].longitude))).toBeLessThan(1e-5);
    expect(Math.abs(p.lat - Number(rows[0].latitude))).toBeLessThan(1e-5);
    await idle(page);
    expect(errors).toEqual([]);
  });

  it('exports the networks as a British National Grid shapefile zip', async () => {
    await page.getByTestId('export-format').selectOption('zip-bng');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    expect(dl.suggestedFilename()).toMatch(/^networks-.*\.zip$/);
    const back = await prepareInput(new Uint8Array(readFileSync((await dl.path())!)), 'networks.zip');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.warnings.map((w) => w.message).join()).toBe('');
    expect(JSON.parse(back.value).crs.properties.name).toBe('urn:ogc:def:crs:EPSG::27700');
    expect(JSON.parse(back.value).features.length).toBe(67);
    expect(CRS.bng).toBe('EPSG:27700');
  });

  it("locates NHS Digital's list-size file through the postcode lookup (streamed in a worker)", async () => {
    await page
      .getByTestId('file-practices')
      .setInputFiles({ name: 'gp-reg-pat-prac-all.csv', mimeType: 'text/csv', buffer: Buffer.from(listSizeCsv(rows)) });
    await expect
      .poll(() => page.getByTestId('problems').innerText(), { timeout: 20_000 })
      .toMatch(
        /has postcodes \(POSTCODE\) but no longitude\/latitude or easting\/northing columns: give a postcode lookup/,
      );
    expect(await number(page, 'summary-practices')).toBe(426);
    await page
      .getByTestId('file-postcodes')
      .setInputFiles({ name: 'ONSPD.csv', mimeType: 'text/csv', buffer: Buffer.from(onspdCsv(rows)) });
    await newPlanIfAsked(page);
    await expect
      .poll(
        async () => {
          await newPlanIfAsked(page);
          return state<string>(page, 'JSON.stringify(s.doc.sources)');
        },
        { timeout: 30_000 },
      )
      .toContain('gp-reg-pat-prac-all.csv');
    expect(await number(page, 'summary-practices')).toBe(426);
    const p = await state<{ lon: number; lat: number }>(
      page,
      `s.doc.practices.find((x) => x.code === '${rows[5].practice_code}')`,
    );
    expect([p.lon, p.lat]).toEqual([Number(rows[5].longitude), Number(rows[5].latitude)]);
    await idle(page);
    await screenshot(page, 'gis-02-postcodes');
    expect(errors).toEqual([]);
  });

  it('asks the same question for an Align layer in unlabelled metres, then compares it', async () => {
    await page.getByTestId('file-practices').setInputFiles(path.join(sharedData, 'gm_practices_2022-01.csv'));
    await expect
      .poll(
        async () => {
          await newPlanIfAsked(page);
          return state<string>(page, 'JSON.stringify(s.doc.sources)');
        },
        { timeout: 30_000 },
      )
      .toContain('gm_practices_2022-01.csv');
    await expect.poll(() => state<number>(page, 's.doc.networks.length'), { timeout: 20_000 }).toBe(67);
    await page.getByRole('tab', { name: 'Align' }).click();
    await page
      .getByTestId('align-file')
      .setInputFiles({ name: 'boroughs-bng.geojson', mimeType: 'application/geo+json', buffer: boroughsMetres() });
    await page.getByText('These look like British National Grid metres').waitFor({ timeout: 20_000 });
    await page.getByTestId('bng-yes').click();
    await expect
      .poll(() => page.getByTestId('align-layer-name').innerText(), { timeout: 20_000 })
      .toBe('boroughs-bng.geojson');
    await page.getByTestId('align-compare').click();
    await expect.poll(() => page.getByTestId('align-network-row').count(), { timeout: 60_000 }).toBe(67);
    await expect
      .poll(() => page.getByTestId('align-result').innerText(), { timeout: 20_000 })
      .toMatch(/of 67 networks split/);
    await expect
      .poll(() => page.getByTestId('problems').innerText(), { timeout: 20_000 })
      .toMatch(/boroughs-bng\.geojson: read with 1 note/);
    await idle(page);
    await screenshot(page, 'gis-03-align-bng');
    expect(errors).toEqual([]);
  });
});
