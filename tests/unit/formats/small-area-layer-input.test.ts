// The small-area layer as the app's worker reads it (core's prepareInput, then parseSmallAreaLayer):
// the GM LSOAs as a British National Grid shapefile zip, and as BNG GeoJSON without a `crs` member
// read after the user says BNG, give the same codes and polygons as the WGS84 GeoJSON.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRS, forEachPosition, wgs84ToBng } from '../../../src/core/io/crs';
import { hasUnlabelledMetres, prepareInput } from '../../../src/core/io/prepare-input';
import { encodeFeatures } from '../../../src/core/io/write-output';
import { parseSmallAreaLayer, type SmallAreaLayer } from '../../../src/core/small-areas';
import { sharedData } from '../io/helpers';

const text = readFileSync(sharedData('gm_lsoa2011_bgc.geojson'), 'utf8');

function layerOf(prepared: Awaited<ReturnType<typeof prepareInput>>, name: string): SmallAreaLayer {
  expect(prepared.ok).toBe(true);
  if (!prepared.ok) throw new Error('not prepared');
  const parsed = parseSmallAreaLayer(prepared.value, name);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return parsed.value;
}

function expectSameLayer(got: SmallAreaLayer, want: SmallAreaLayer) {
  expect(got.codeField).toBe(want.codeField);
  expect(got.codes).toEqual(want.codes);
  const shape = (l: SmallAreaLayer) =>
    l.polygons.map((polys) => polys.map((rings) => rings.map((ring) => ring.length)));
  expect(shape(got)).toEqual(shape(want));
  let worst = 0;
  got.polygons.forEach((polys, a) =>
    polys.forEach((rings, p) =>
      rings.forEach((ring, r) =>
        ring.forEach(([x, y], v) => {
          const [wx, wy] = want.polygons[a][p][r][v];
          worst = Math.max(worst, Math.abs(x - wx), Math.abs(y - wy));
        }),
      ),
    ),
  );
  expect(worst).toBeLessThan(1e-5);
}

describe('small-area layer input', () => {
  const want = layerOf({ ok: true, value: text, warnings: [] }, 'lsoa.geojson');

  it('reads a British National Grid shapefile zip', async () => {
    const fc = JSON.parse(text);
    const zip = encodeFeatures(fc, 'lsoa.zip', CRS.bng) as Uint8Array;
    expectSameLayer(layerOf(await prepareInput(zip, 'lsoa.zip'), 'lsoa.zip'), want);
  });

  it('flags unlabelled BNG metres, and reads them once the user states EPSG:27700', async () => {
    const doc = JSON.parse(text) as { crs?: unknown };
    delete doc.crs;
    forEachPosition(doc, (p) => {
      [p[0], p[1]] = wgs84ToBng(p[0], p[1]);
    });
    const bytes = new TextEncoder().encode(JSON.stringify(doc));
    const plain = await prepareInput(bytes, 'lsoa-m.geojson');
    expect(plain.ok && hasUnlabelledMetres(plain.value)).toBe(true);
    const refused = plain.ok ? parseSmallAreaLayer(plain.value, 'lsoa-m.geojson') : null;
    expect(refused?.ok).toBe(false);
    expect(refused && !refused.ok ? refused.errors[0].message : '').toMatch(
      /British National Grid \(EPSG:27700\) metres but the file does not say so/,
    );
    const stated = await prepareInput(bytes, 'lsoa-m.geojson', { crs: CRS.bng });
    expect(stated.warnings.map((w) => w.message).join()).toMatch(/as the user stated; reprojected/);
    expectSameLayer(layerOf(stated, 'lsoa-m.geojson'), want);
  });
});
