// Files opened in the import worker: its jobs parse and evaluate (Greater Manchester, real data),
// and the app shows that plan as it arrived (no rebuild) only when the document holds exactly what
// the worker evaluated; otherwise it evaluates here, and the plan is the same either way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTessellation } from '../../../src/core/geometry';
import { assignmentFromTable } from '../../../src/core/io';
import { DEFAULT_BAND, networkId } from '../../../src/core/model';
import { evaluatePlan, type PlanResult } from '../../../src/core/plan';
import {
  applyBoundaryResult,
  applyPracticesResult,
  loadPracticesText,
  unpackPractices,
} from '../../../src/state/loaders';
import { PALETTE } from '../../../src/state/palette';
import { selectCellPlan, selectPlanChecks } from '../../../src/state/selectors';
import { createPlannerStore } from '../../../src/state/store';
import { openBoundary, openPractices } from '../../../src/workers/import-jobs';
import { sharedData } from '../geometry/helpers';

const GM_PRACTICES = 'gm_practices_2022-01.csv';
const GM_BOUNDARY = 'gm_combined_authority_2023_bgc.geojson';
const text = (f: string) => readFileSync(path.join(sharedData, f), 'utf8');

/** What the panels and map read from a plan (`changed` says what the last step recomputed). */
const content = (p: PlanResult) => {
  const { tessellation, input, changed, ...rest } = p;
  return { ...rest, sites: tessellation.sites, cellAreaKm2: tessellation.cellAreaKm2 };
};

function practicesReply(plan = { boundary: null, band: DEFAULT_BAND }, palette?: readonly string[]) {
  const reply = openPractices({
    kind: 'practices',
    text: text(GM_PRACTICES),
    fileName: GM_PRACTICES,
    opts: {},
    checkFields: true,
    plan,
    ...(palette && { palette }),
  });
  if (!reply.result?.ok || !reply.plan) throw new Error('the practices job failed');
  return { ...reply, result: reply.result, packed: reply.plan };
}

describe('the import worker jobs', () => {
  it('parse practices and evaluate the plan they start, as the main thread would', () => {
    const { result, packed } = practicesReply();
    const store = createPlannerStore();
    applyPracticesResult(store, result, GM_PRACTICES, {
      prepared: { plan: packed, boundary: null, band: DEFAULT_BAND },
    });
    const shown = selectCellPlan(store.getState());
    // Shown as it arrived: the tessellation's arrays are the transferred ones.
    expect(shown.tessellation.vertexXY.buffer).toBe(packed.tessellation.vertexXY.buffer);
    const input = { practices: result.value.practices, ...assignmentFromTable(result.value), band: DEFAULT_BAND };
    expect(content(shown)).toEqual(content(evaluatePlan(input, buildTessellation(input.practices, null))));
  });

  it('stop at a header with a missing field, and refuse a broken boundary, with nothing evaluated', () => {
    const noCoordinates = 'code,name,list_size\nA1,One,5000\n';
    const reply = openPractices({
      kind: 'practices',
      text: noCoordinates,
      fileName: 'x.csv',
      opts: {},
      checkFields: true,
      plan: { boundary: null, band: DEFAULT_BAND },
    });
    expect(reply.kind === 'practices' && reply.headers?.ok && reply.headers.value.fields.missing).toContain('lon');
    expect(reply).toMatchObject({ result: null, plan: null });
    const broken = openBoundary({ kind: 'boundary', text: '{"type":"Polygon"}', fileName: 'b.geojson', plan: null });
    expect(broken.result.ok).toBe(false);
    expect(broken.plan).toBeNull();
  });
});

describe('adopting a plan evaluated ahead', () => {
  it('evaluates here when the practices would meet another boundary than the one assumed', () => {
    const { result, packed } = practicesReply();
    const store = createPlannerStore();
    const b = openBoundary({ kind: 'boundary', text: text(GM_BOUNDARY), fileName: GM_BOUNDARY, plan: null });
    if (!b.result.ok) throw new Error('boundary');
    applyBoundaryResult(store, b.result, GM_BOUNDARY);
    applyPracticesResult(store, result, GM_PRACTICES, {
      prepared: { plan: packed, boundary: null, band: DEFAULT_BAND },
    });
    const shown = selectCellPlan(store.getState());
    expect(store.getState().doc.boundary).toBe(b.result.value);
    expect(shown.tessellation.vertexXY.buffer).not.toBe(packed.tessellation.vertexXY.buffer);
    expect(shown.tessellation.areaGeometry).toBe(b.result.value);
  });

  it('takes a boundary plan only for the document it was evaluated from, and undoes without rebuilding', () => {
    const { result, packed } = practicesReply();
    const store = createPlannerStore();
    applyPracticesResult(store, result, GM_PRACTICES, {
      prepared: { plan: packed, boundary: null, band: DEFAULT_BAND },
    });
    const overHull = selectCellPlan(store.getState());
    const { doc } = store.getState();
    const input = { practices: doc.practices, networks: doc.networks, assignment: doc.assignment, band: doc.band };
    const reply = openBoundary({ kind: 'boundary', text: text(GM_BOUNDARY), fileName: GM_BOUNDARY, plan: input });
    if (!reply.result.ok || !reply.plan) throw new Error('the boundary job failed');

    applyBoundaryResult(store, reply.result, GM_BOUNDARY, {
      prepared: { plan: reply.plan, input, outside: reply.outside },
    });
    const shown = selectCellPlan(store.getState());
    // The practices outside the boundary, found in the worker: the checks the app would make here.
    const checkedHere = createPlannerStore();
    checkedHere.setState({ doc: store.getState().doc });
    expect(reply.outside?.length).toBeGreaterThan(0);
    expect(selectPlanChecks(store.getState())).toEqual(selectPlanChecks(checkedHere.getState()));
    expect(shown.tessellation.vertexXY.buffer).toBe(reply.plan.tessellation.vertexXY.buffer);
    expect(content(shown)).toEqual(
      content(evaluatePlan(input, buildTessellation(input.practices, reply.result.value))),
    );

    store.getState().undo();
    expect(selectCellPlan(store.getState())).toBe(overHull);

    // An edit between the request and the answer: the answer's plan no longer fits the document.
    const edited = createPlannerStore();
    edited.setState({ doc });
    edited.getState().assignPractices([doc.practices[0].code], networkId(doc.networks[3].id));
    const again = openBoundary({ kind: 'boundary', text: text(GM_BOUNDARY), fileName: GM_BOUNDARY, plan: input });
    if (!again.result.ok || !again.plan) throw new Error('the boundary job failed');
    applyBoundaryResult(edited, again.result, GM_BOUNDARY, { prepared: { plan: again.plan, input } });
    const here = selectCellPlan(edited.getState());
    expect(here.tessellation.vertexXY.buffer).not.toBe(again.plan.tessellation.vertexXY.buffer);
    expect(here.networks.get(doc.networks[3].id)!.practiceCodes).toContain(doc.practices[0].code);
  });

  it('takes the colours worked out in the worker: the ones the colour check gives here, in a separate unpack step', () => {
    const { result, packed, colours } = practicesReply(undefined, PALETTE);
    expect(colours).not.toBeNull();
    const store = createPlannerStore();
    const unpacked = unpackPractices(store, result.value, {
      plan: packed,
      boundary: null,
      band: DEFAULT_BAND,
      colours,
    });
    applyPracticesResult(store, result, GM_PRACTICES, { prepared: unpacked });
    expect(selectCellPlan(store.getState())).toBe(unpacked.plan);
    const here = createPlannerStore();
    loadPracticesText(here, text(GM_PRACTICES), GM_PRACTICES);
    const colourOf = (s: typeof store) => s.getState().doc.networks.map((n) => [n.id, n.colour]);
    expect(colourOf(store)).toEqual(colourOf(here));
    expect(content(selectCellPlan(store.getState()))).toEqual(content(selectCellPlan(here.getState())));
    // Some networks were recoloured away from the palette order, as here.
    expect(colourOf(here).some(([, c], i) => c !== PALETTE[i % PALETTE.length])).toBe(true);
  });
});
