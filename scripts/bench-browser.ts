// `npm run bench:browser`: the app in headless Chromium (WebGL in SwiftShader, software) taking
// the path a planner takes: New, the national practices table (6,452 practices, 1,234 real PCNs)
// and the England boundary opened through the file inputs, Paint mode, a network chosen in the
// painting picker, then practices clicked on the map one at a time (the pointer rests on the
// practice, as a hand's does, until its hover ring is drawn, before the button goes down). All of it runs twice, in two browsers
// that differ only in compositing (CONFIGURATIONS): `softwareCompositing` (--disable-gpu, as the
// browser tests run: every WebGL frame is read back on the renderer's main thread) and
// `gpuProcessCompositing` (Chrome composites in the GPU process, the pipeline of a machine with a
// GPU; here that process runs SwiftShader on the same 2 cores). `-- --compositing=software|gpu`
// runs one. Prints JSON, per configuration:
// - loading: each file chosen -> the panel shows it, both -> map idle, with the main thread's long tasks;
// - per click, from the mouse-down event's timestamp (Paint assigns on pointer down): -> the
//   network's row in the panel shows the new population; -> MapLibre issues the first frame
//   showing the clicked circle in the painting colour (clickToFrameMs); -> the renderer has
//   finished drawing that frame (clickToPixelsMs: each frame's pixel is copied behind a fence
//   polled from the next timer task and the next animation frame, whichever runs first, and the
//   copies are read only once the map is idle, because Chrome's read waits for every frame queued:
//   the measurement never blocks the main thread while the click is drawn; a poll from timers
//   alone could run only after the next frame's task and count it too, which
//   pixelsSeenAfterALaterFrame counts); the longest main-thread task in between, how long the
//   mouse-down waited, the frames up to the first showing the colour (framesPerClick) and every
//   frame MapLibre drew from the mouse-down until the map was idle (mapFramesPerClick);
// - every main-thread task over 50 ms during the clicks, hover frames and later redraws included;
// - clicks whose circle did not show the colour by the time the map was idle, with the pixel last seen;
// - the small-area section (scripts/bench-browser-small-areas.ts), in the first configuration only.
// Main-thread tasks of loading and clicks come from a Chrome trace ('toplevel' category), not the
// Long Tasks API (still recorded for the small-area section), which misses the frames' rendering
// work. Every wait is bounded: a stuck step fails with its name instead of hanging.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_SWITCHES, findChromium } from '../tests/browser/chromium';
import { benchBrowserSmallAreas } from './bench-browser-small-areas';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const practicesFile = path.resolve(root, '../shared/data/england_practices_2022-01.geojson');
const boundaryFile = path.resolve(root, '../shared/data/england_icb_2022_ultragen.geojson');
const CLICKS = 30;
// `npm run bench:browser -- --small-areas-only`: open the practices, skip the paint clicks.
const smallAreasOnly = process.argv.includes('--small-areas-only');
// `npm run bench:browser -- --frames-only`: open the practices and boundary, time the frames, stop.
const framesOnly = process.argv.includes('--frames-only');

// Long tasks as the page sees them, for the small-area section (plain JavaScript: runs in the page).
const RECORD_LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });`;

/**
 * In the page: practices to click, each in another network with another colour than the one
 * painted, and no other practice's circle (its radius as the practice layer draws it, plus a 4 px
 * ring) within the click's 4 px hit box: which of two overlapping circles is drawn on top, or hit
 * by the click, depends on tiles.
 */
const PICK_TARGETS = `(() => {
  const pcn = window.__pcn;
  const s = pcn.store.getState();
  const active = s.activeNetwork;
  const colourOf = new Map(s.doc.networks.map((n) => [n.id, n.colour]));
  const map = document.querySelector('#map').getBoundingClientRect();
  const pts = s.doc.practices.map((p, i) => ({ p, i, xy: pcn.project(p.lon, p.lat) }));
  const inView = pts.filter(({ xy }) => xy.x > 40 && xy.y > 40 && xy.x < map.width - 40 && xy.y < map.height - 40);
  // circle-radius of the practice layer (src/map/layers.ts) against the square root of the list size.
  const stops = [[0, 3], [100, 6], [200, 10], [330, 15]];
  const radius = (listSize) => {
    const r = Math.sqrt(listSize);
    if (r >= 330) return 15;
    const k = stops.findIndex(([x]) => x > r);
    const [[x0, y0], [x1, y1]] = [stops[k - 1], stops[k]];
    return y0 + ((r - x0) / (x1 - x0)) * (y1 - y0);
  };
  let seed = 11;
  const rand = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const ok = inView.filter(({ p, i, xy }) => {
    const net = s.doc.assignment.get(p.code);
    if (!net || net === active || colourOf.get(net) === colourOf.get(active)) return false;
    return !inView.some((o) => o.i !== i && Math.hypot(o.xy.x - xy.x, o.xy.y - xy.y) < radius(o.p.listSize) + 9);
  });
  const out = [];
  while (out.length < ${CLICKS} && ok.length > 0) out.push(ok.splice(Math.floor(rand() * ok.length), 1)[0]);
  return out.map(({ p, xy }) => ({ code: p.code, x: xy.x, y: xy.y }));
})()`;

/**
 * In the page: arm the watchers for one click at (x, y) on the practice resting under the pointer,
 * and window.__finishClick() to call once the button is up: it resolves with the figures (times in
 * the page's performance.now() clock). From the mouse-down on, the clicked pixel of every frame is
 * copied behind a fence polled from later tasks (no blocking read while frames are drawn, so the
 * main thread's tasks stay the app's and MapLibre's); the copies are read once the map is idle
 * (reading waits for the renderer; if none shows the colour, one more frame is asked for), and the
 * click counts as drawn when the renderer finished the first frame showing the painting colour.
 */
const armClick = (x: number, y: number) => `(() => {
  const pcn = window.__pcn;
  const s = pcn.store.getState();
  const row = () => document.querySelector('[data-testid="network-' + s.activeNetwork + '"] [data-testid="network-population"]');
  const before = row().textContent;
  let clickAt = null, handledAt = null, panelAt = null, recording = null;
  const observer = new MutationObserver(() => {
    if (clickAt !== null && panelAt === null && row() && row().textContent !== before) panelAt = performance.now();
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  window.addEventListener('mousedown', (e) => {
    clickAt = e.timeStamp;
    handledAt = performance.now();
    recording = pcn.recordFramePixels(${x}, ${y}, 1, 1);
  }, { capture: true, once: true });
  window.__finishClick = async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await pcn.idle();
    observer.disconnect();
    // The painting network's colour now: an edit may recolour it (neighbours never share a colour).
    const colour = pcn.store.getState().doc.networks.find((n) => n.id === s.activeNetwork).colour;
    const want = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const first = (frames) => frames.findIndex(({ pixels: px }) => Math.abs(px[0] - want[0]) + Math.abs(px[1] - want[1]) + Math.abs(px[2] - want[2]) < 24);
    let frames = recording ? await recording.stop() : [];
    const mapFrames = frames.length;
    let k = first(frames);
    if (k < 0) {
      // No frame showed it: one more frame, asked for, tells whether the map shows it at all.
      const again = pcn.recordFramePixels(${x}, ${y}, 1, 1);
      await pcn.pixelsAfterNextFrame(${x}, ${y}, 1, 1, true);
      frames = frames.concat(await again.stop());
      k = first(frames);
    }
    const last = frames.length > 0 ? frames[frames.length - 1].pixels : [0, 0, 0];
    return { clickAt, panelMs: panelAt === null ? null : panelAt - clickAt, inputDelayMs: handledAt - clickAt,
      frameMs: k < 0 ? null : frames[k].frameAt - clickAt, pixelsMs: k < 0 ? null : frames[k].drawnAt - clickAt,
      frames: k < 0 ? frames.length : k + 1, mapFrames, timedOut: k < 0, lastPixel: [last[0], last[1], last[2]], want,
      pollBehindLaterFrame: k >= 0 && k + 1 < frames.length && frames[k + 1].frameAt < frames[k].drawnAt };
  };
})()`;

/** A step that fails with its name after `ms` instead of waiting for ever. */
async function bounded<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench:browser: ${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Main-thread tasks of the page's renderer as [start, duration] in the page's performance.now()
 * clock. The page marks `pcn-clock` at a known time, which ties the trace's clock to the page's.
 */
function mainThreadTasks(trace: Buffer, clockMark: number): [number, number][] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = events.find((e) => e.name === 'pcn-clock');
  if (!mark) throw new Error('bench:browser: the trace has no pcn-clock mark');
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('bench:browser: the trace has no renderer main thread');
  const offsetMs = mark.ts / 1000 - clockMark;
  return events
    .filter(
      (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask',
    )
    .map((e) => [e.ts / 1000 - offsetMs, (e.dur ?? 0) / 1000]);
}

const q = (xs: number[], p: number) =>
  xs.length === 0
    ? null
    : Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] * 10) / 10;
const stats = (xs: number[]) => ({ p50: q(xs, 0.5), p95: q(xs, 0.95), max: q(xs, 1) });
const overlapping = (tasks: [number, number][], from: number, to: number) =>
  tasks.filter(([t, d]) => t + d > from && t < to).map(([, d]) => d);
const longest = (xs: number[]) => Math.round(Math.max(0, ...xs));

// Nothing below may hang the run: the whole benchmark gives up after 15 minutes.
const watchdog = setTimeout(() => {
  process.stderr.write('bench:browser: gave up after 15 minutes\n');
  process.exit(1);
}, 15 * 60_000);
watchdog.unref();

/** Paint mode, a network chosen, then CLICKS practices clicked on the map; one record per click. */
interface Click {
  code: string;
  clickAt: number;
  panelMs: number | null;
  inputDelayMs: number;
  frameMs: number;
  pixelsMs: number;
  frames: number;
  mapFrames: number;
  pollBehindLaterFrame: boolean;
  timedOut: boolean;
  lastPixel: number[];
  want: number[];
}

async function paintClicks(page: Page, step: (text: string) => void, idle: (what: string) => Promise<unknown>) {
  step('choosing Paint mode and a network');
  await page.getByTestId('mode-paint').click();
  const activeId =
    (await page.evaluate(`[...document.querySelectorAll('li[data-testid^="network-"]')].map((el) => el.getAttribute('data-testid').slice(8))
    .find((id) => document.querySelector('[data-testid="network-' + id + '"] [data-testid="network-population"]'))`)) as string;
  await page.getByTestId('painting-network').fill(activeId);
  await page.getByTestId('painting-network').press('Enter');
  await page.waitForFunction(
    (id) =>
      (window as unknown as { __pcn: { store: { getState(): { activeNetwork: string } } } }).__pcn.store.getState()
        .activeNetwork === id,
    activeId,
  );
  await idle('choosing a network');

  step(`clicking ${CLICKS} practices`);
  const targets = (await page.evaluate(PICK_TARGETS)) as { code: string; x: number; y: number }[];
  const box = (await page.locator('#map').boundingBox())!;
  const clicks: Click[] = [];
  for (const t of targets) {
    await page.evaluate(`window.__hoverFrames = window.__pcn.recordFramePixels(${t.x}, ${t.y}, 1, 1)`);
    await page.mouse.move(box.x + t.x, box.y + t.y);
    await idle('hovering a practice');
    await bounded(
      'a frame',
      10_000,
      page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))'),
    );
    // The hover ring is on screen, as a hand would see it before pressing: the frames since the
    // move drawn, not only issued (with GPU-process compositing SwiftShader may still be drawing the
    // ring's frame two animation frames later, and the click's frame would queue behind it).
    await bounded('the hover frame drawn', 10_000, page.evaluate('window.__hoverFrames.stop().then(() => null)'));
    await page.evaluate(armClick(t.x, t.y));
    await page.mouse.down();
    await page.mouse.up();
    const result = (await bounded('a click', 30_000, page.evaluate('window.__finishClick()'))) as Omit<Click, 'code'>;
    clicks.push({ code: t.code, ...result });
  }
  // Redraws the clicks left for later are part of their cost: wait for them, then a second more.
  await idle('after the clicks');
  await page.waitForTimeout(1000);
  return clicks;
}

const FRAMES = 12;

/** Chromium ignores this switch; it names the browser process of one configuration in /proc. */
const browserTag = (configuration: string) => `--pcn-bench=${process.pid}-${configuration}`;

/**
 * CPU ms (user + system) so far of the GPU process of the browser launched with `tag`, from /proc
 * (Linux); null elsewhere.
 */
function gpuProcessCpuMs(tag: string): number | null {
  try {
    const procs = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          // After the name: state, parent pid, ...; user and system time (clock ticks, 100 Hz) at 11 and 12.
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          return [{ pid, parent: f[1], cmdline, cpuMs: (Number(f[11]) + Number(f[12])) * 10 }];
        } catch {
          return [];
        }
      });
    // The browser process carries the tag; its GPU process is a child of its zygote.
    const parent = new Map(procs.map((p) => [p.pid, p.parent]));
    const roots = new Set(
      procs.filter((p) => p.cmdline.includes(tag) && !p.cmdline.includes('--type=')).map((p) => p.pid),
    );
    const under = (pid: string | undefined, depth: number): boolean =>
      pid !== undefined && depth >= 0 && (roots.has(pid) || under(parent.get(pid), depth - 1));
    const gpu = procs.find((p) => p.cmdline.includes('--type=gpu-process') && under(p.parent, 3));
    return gpu?.cpuMs ?? null;
  } catch {
    return null;
  }
}

/**
 * Cost of one frame of the national map as it stands: FRAMES frames asked for one after another,
 * each waited for until drawn; the GPU process's CPU per frame (SwiftShader drawing it, plus the
 * read-back with software compositing) does not depend on other users' load as wall time does.
 */
async function frameCost(tag: string, page: Page) {
  const cpu0 = gpuProcessCpuMs(tag);
  const t0 = (await page.evaluate('performance.now()')) as number;
  for (let k = 0; k < FRAMES; k++)
    await bounded('a frame', 10_000, page.evaluate('window.__pcn.pixelsAfterNextFrame(0, 0, 1, 1, true)'));
  const t1 = (await page.evaluate('performance.now()')) as number;
  const cpu1 = gpuProcessCpuMs(tag);
  return {
    frames: FRAMES,
    gpuProcessCpuMsPerFrame: cpu0 === null || cpu1 === null ? null : Math.round((cpu1 - cpu0) / FRAMES),
    wallMsPerFrame: Math.round((t1 - t0) / FRAMES),
    note: 'the national map redrawn FRAMES times, each waited for; CPU of the GPU process (SwiftShader) per frame',
  };
}

/**
 * The two ways Chrome composites here. Both run WebGL in SwiftShader in the GPU process; they
 * differ in who puts the canvas on screen.
 */
const CONFIGURATIONS = {
  softwareCompositing: {
    flags: ['--disable-gpu'],
    note: 'Chrome composites in software, as the browser tests run: every WebGL frame is read back on the renderer main thread, so each frame is a main-thread task as long as SwiftShader takes to draw it',
  },
  gpuProcessCompositing: {
    flags: [],
    note: 'Chrome composites in the GPU process (on SwiftShader here), the pipeline of a machine with a GPU: frames are drawn off the renderer main thread; here SwiftShader shares the 2 cores with the page',
  },
} as const;
type Configuration = keyof typeof CONFIGURATIONS;

/** New, the national files opened, then the paint clicks; the small-area section if asked. */
async function measure(port: number, configuration: Configuration, withSmallAreas: boolean) {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_SWITCHES, ...CONFIGURATIONS[configuration].flags, browserTag(configuration)],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(RECORD_LONG_TASKS);
    const step = (text: string) => process.stderr.write(`bench:browser (${configuration}): ${text}\n`);
    const idle = (what: string) => bounded(`${what} (map idle)`, 60_000, page.evaluate('window.__pcn.idle()'));
    const now = () => page.evaluate('performance.now()') as Promise<number>;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('summary-practices').waitFor();
    await idle('start');
    step('new plan');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-practices"]')?.textContent === '0');

    step('opening the national practices and the England boundary');
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    const clockMark = (await page.evaluate("performance.mark('pcn-clock').startTime")) as number;
    const loadStart = await now();
    await page.getByTestId('file-practices').setInputFiles(practicesFile);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="summary-practices"]')?.textContent === '6,452',
    );
    const practicesPanelMs = (await now()) - loadStart;
    const boundaryStart = await now();
    await page.getByTestId('file-boundary').setInputFiles(boundaryFile);
    // The plan's file list names the boundary once it is part of the plan (busy labels and notices
    // name it earlier).
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="sources"]')?.textContent?.includes(name),
      path.basename(boundaryFile),
    );
    const boundaryPanelMs = (await now()) - boundaryStart;
    await idle('loading');
    const loadEnd = await now();

    step('frame cost');
    const frames = await frameCost(browserTag(configuration), page);
    const clicksStart = await now();
    const clicks = smallAreasOnly || framesOnly ? [] : await paintClicks(page, step, idle);
    const clicksEnd = await now();
    const tasks = mainThreadTasks(await bounded('reading the trace', 60_000, browser.stopTracing()), clockMark);
    const loadTasks = overlapping(tasks, loadStart, loadEnd).filter((d) => d > 50);
    const sessionTasks = overlapping(tasks, clicksStart, clicksEnd).filter((d) => d > 50);
    const ok = clicks.filter((c) => !c.timedOut);
    const perClick = ok.map((c) => longest(overlapping(tasks, c.clickAt, c.clickAt + c.pixelsMs)));
    let smallAreas: unknown = null;
    if (withSmallAreas) {
      step('small areas: national LSOAs and registrations, switch, moves');
      smallAreas = await benchBrowserSmallAreas(page, path.resolve(root, '../shared/data'));
    }
    return {
      note: CONFIGURATIONS[configuration].note,
      loading: {
        practicesFileToPanelMs: Math.round(practicesPanelMs),
        boundaryFileToPanelMs: Math.round(boundaryPanelMs),
        bothFilesToIdleMapMs: Math.round(loadEnd - loadStart),
        longTasks: {
          count: loadTasks.length,
          totalMs: Math.round(loadTasks.reduce((a, b) => a + b, 0)),
          longestMs: longest(loadTasks),
          target: 100,
          note: 'main-thread tasks over 50 ms (Chrome trace), frames included',
        },
      },
      frameCost: frames,
      paintClicks: clicks.length === 0 ? null : paintFigures(clicks, perClick, sessionTasks),
      ...(withSmallAreas ? { smallAreas } : {}),
      pageErrors: errors,
    };
  } finally {
    await browser.close();
  }
}

/** The paint clicks' figures (ms, p50/p95/max) from the clicks and the trace's tasks. */
function paintFigures(clicks: Click[], perClick: number[], sessionTasks: number[]) {
  const ok = clicks.filter((c) => !c.timedOut);
  return {
    clicks: clicks.length,
    drawn: ok.length,
    notDrawn: clicks
      .filter((c) => c.timedOut)
      .map((c) => ({
        code: c.code,
        panelChanged: c.panelMs !== null,
        frames: c.frames,
        pixel: c.lastPixel,
        want: c.want,
      })),
    clickToPanelMs: {
      ...stats(ok.flatMap((c) => (c.panelMs === null ? [] : [c.panelMs]))),
      seen: ok.filter((c) => c.panelMs !== null).length,
      target95: 10,
      note: 'mouse-down -> the row text changed in the DOM (it reaches the screen with the next frame)',
    },
    inputDelayMs: {
      ...stats(ok.map((c) => c.inputDelayMs)),
      note: 'the mouse-down event waiting for the main thread, included in the figures above and below',
    },
    clickToFrameMs: {
      ...stats(ok.map((c) => c.frameMs)),
      note: 'mouse-down -> MapLibre issued the first frame showing the circle in the painting colour (its render event)',
    },
    clickToPixelsMs: {
      ...stats(ok.map((c) => c.pixelsMs)),
      target95: 100,
      note: 'mouse-down -> the renderer has finished drawing that frame (a fence after copying the pixel, polled without blocking)',
    },
    framesPerClick: {
      ...stats(clicks.map((c) => c.frames)),
      note: 'frames from mouse-down up to the first showing the circle in the painting colour',
    },
    mapFramesPerClick: {
      ...stats(clicks.map((c) => c.mapFrames)),
      note: 'every frame MapLibre drew (render events) from mouse-down until the map was idle',
    },
    pixelsSeenAfterALaterFrame: {
      count: ok.filter((c) => c.pollBehindLaterFrame).length,
      note: 'clicks whose fence was seen only after the next frame was issued: with software compositing a poll that ran late (clickToPixelsMs then includes that frame); with GPU-process compositing also a GPU process still drawing this frame when the next was issued',
    },
    longestTaskPerPaintMs: {
      ...stats(perClick),
      targetMax: 50,
      note: 'longest main-thread task between mouse-down and the circle drawn (Chrome trace)',
    },
    tasksOver50MsDuringClicks: {
      count: sessionTasks.length,
      longestMs: longest(sessionTasks),
      perClick: Math.round((sessionTasks.length / clicks.length) * 10) / 10,
      note: 'from the first click to a second after the map is idle after the last, hover frames and later redraws included',
    },
  };
}

// `-- --compositing=software` or `-- --compositing=gpu`: one configuration only (for A/B runs).
const only = process.argv.find((a) => a.startsWith('--compositing='))?.slice('--compositing='.length);
const chosen = (Object.keys(CONFIGURATIONS) as Configuration[]).filter(
  (c) => !only || (only === 'software' ? c === 'softwareCompositing' : c === 'gpuProcessCompositing'),
);
await build({ root, logLevel: 'warn' });
const server = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', open: false } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no preview port');
try {
  const out: Record<string, unknown> = {
    data: {
      practices: 6452,
      files: 'england_practices_2022-01.geojson + england_icb_2022_ultragen.geojson (../shared/data)',
      viewport: '1400 x 900 CSS px, device pixel ratio 1',
    },
    note: 'WebGL runs in SwiftShader (software) on this machine, in both configurations.',
  };
  for (const c of smallAreasOnly ? (['softwareCompositing'] as Configuration[]) : chosen)
    out[c] = await measure(address.port, c, c === 'softwareCompositing' && !framesOnly);
  console.log(JSON.stringify(out, null, 2));
} finally {
  clearTimeout(watchdog);
  server.httpServer.close();
}
