// Reading the app's state and driving the map from browser tests (through window.__pcn).
import type { Page } from 'playwright-core';

type Handle = {
  store: { getState(): unknown };
  idle(): Promise<void>;
  renderedNetworks(): string[];
  renderedPreview(): number;
  project(lon: number, lat: number): { x: number; y: number };
};

export const number = async (page: Page, testid: string) =>
  Number((await page.getByTestId(testid).innerText()).replace(/[^0-9]/g, ''));

export const idle = (page: Page) => page.evaluate(() => (window as unknown as { __pcn: Handle }).__pcn.idle());

export const renderedNetworks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pcn: Handle }).__pcn.renderedNetworks());

export const renderedPreview = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pcn: Handle }).__pcn.renderedPreview());

/** Page coordinates of a WGS84 position on the map. */
export async function onMap(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const xy = await page.evaluate(([x, y]) => (window as unknown as { __pcn: Handle }).__pcn.project(x, y), [
    lon,
    lat,
  ] as const);
  const box = (await page.locator('#map').boundingBox())!;
  return { x: box.x + xy.x, y: box.y + xy.y };
}

/** Evaluates `body` with `s` = the store's state, e.g. state(page, 's.doc.practices.length'). */
export const state = <T>(page: Page, body: string) =>
  page.evaluate(
    (b) => new Function('s', `return ${b}`)((window as unknown as { __pcn: Handle }).__pcn.store.getState()),
    body,
  ) as Promise<T>;

/** Runs a store action in the page, e.g. act(page, 's.setActiveNetwork("N1")'). */
export const act = (page: Page, body: string) => state<unknown>(page, `(() => { ${body}; })()`);

/** Page coordinates of many WGS84 positions at once. */
export async function onMapAll(
  page: Page,
  points: readonly { lon: number; lat: number }[],
): Promise<{ x: number; y: number }[]> {
  const xy = await page.evaluate(
    (ps) => ps.map((p) => (window as unknown as { __pcn: Handle }).__pcn.project(p.lon, p.lat)),
    points.map((p) => ({ lon: p.lon, lat: p.lat })),
  );
  const box = (await page.locator('#map').boundingBox())!;
  return xy.map((p) => ({ x: box.x + p.x, y: box.y + p.y }));
}

/** The map's colour (`#rrggbb`) at CSS pixel (x, y) of the map, read as the next frame is drawn. */
export function mapPixel(page: Page, x: number, y: number): Promise<string> {
  return page.evaluate(
    async ([px, py]) => {
      const pcn = (window as unknown as { __pcn: { pixelsAfterNextFrame(...a: unknown[]): Promise<Uint8Array> } })
        .__pcn;
      const d = await pcn.pixelsAfterNextFrame(Math.floor(px), Math.floor(py), 1, 1, true);
      return `#${[d[0], d[1], d[2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    },
    [x, y] as const,
  );
}

/** Share of map pixels that differ from the capture taken under the same `key` before (first call: 0). */
export function changedShare(page: Page, key: string): Promise<number> {
  return page.evaluate(async (k) => {
    // The map keeps no drawing buffer between frames: read the pixels as a frame is drawn.
    const el = document.querySelector('#map') as HTMLElement;
    const pcn = (
      window as unknown as {
        __pcn: {
          pixelsAfterNextFrame(x: number, y: number, w: number, h: number, repaint: boolean): Promise<Uint8Array>;
        };
      }
    ).__pcn;
    const d = await pcn.pixelsAfterNextFrame(0, 0, el.clientWidth, el.clientHeight, true);
    const store = window as unknown as Record<string, Uint8Array | undefined>;
    const before = store[k];
    store[k] = d;
    if (!before || before.length !== d.length) return 0;
    let changed = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - before[i]) + Math.abs(d[i + 1] - before[i + 1]) + Math.abs(d[i + 2] - before[i + 2]) > 24)
        changed++;
    return changed / (d.length / 4);
  }, `__pixels_${key}`);
}
