// The Align panel's state on Greater Manchester: layers in the document (saved in the plan file),
// the comparison kept in the store and re-run when the plan changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignOf, alignOverlay, startAlignRunner } from '../../../src/state/align';
import { loadBoundaryText, loadPracticesText } from '../../../src/state/loaders';
import { parsePlan, serialisePlan } from '../../../src/state/plan-file';
import { createPlannerStore } from '../../../src/state/store';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = (f: string) => readFileSync(path.join(repo, '../shared/data', f), 'utf8');
const LAS = 'gm_local_authorities_2023_bgc.geojson';

function gmStore() {
  const store = createPlannerStore();
  loadPracticesText(store, shared('gm_practices_2022-01.csv'), 'gm_practices_2022-01.csv');
  loadBoundaryText(store, shared('gm_combined_authority_2023_bgc.geojson'), 'gm_combined_authority_2023_bgc.geojson');
  store
    .getState()
    .setAlign(
      { layers: [{ fileName: LAS, text: shared(LAS), field: null }], active: 0, threshold: 0.8, compared: true },
      'Add service areas',
    );
  return store;
}

describe('align state', () => {
  it('compares at once, keeps the result in the store and re-runs it after an edit', async () => {
    const store = gmStore();
    const stop = startAlignRunner(store, 5);
    const first = store.getState().alignment?.result;
    expect(first?.networks).toHaveLength(67);
    expect(alignOverlay(store.getState())?.areas.features).toHaveLength(10);
    const split = first!.networks.find((n) => n.split)!;
    const s = store.getState();
    const other = s.doc.networks.find((n) => n.id !== split.id)!;
    const members = [...s.doc.assignment].filter(([, id]) => id === split.id).map(([code]) => code);
    s.assignPractices(members, other.id);
    expect(store.getState().alignment?.result).toBe(first);
    await expect.poll(() => store.getState().alignment?.result !== first).toBe(true);
    const row = (r: typeof first, id: string) => JSON.stringify(r?.networks.find((n) => n.id === id));
    expect(row(store.getState().alignment?.result, other.id)).not.toBe(row(first, other.id));
    stop();
  });

  it('saves the layers and settings in the plan file and reads them back', () => {
    const store = gmStore();
    const text = serialisePlan(store.getState());
    const back = parsePlan(text, 'plan.json', () => 1);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(alignOf(back.value.scenarios[back.value.active].doc)).toEqual(alignOf(store.getState().doc));
    const broken = text.replace(
      '"compared":true',
      '"compared":true,"layers":[{"fileName":"x.geojson","text":"nope","field":null}]',
    );
    const partly = parsePlan(broken, 'plan.json', () => 1);
    expect(partly.ok && partly.value.scenarios[partly.value.active].doc.align).toBeFalsy();
    expect(partly.warnings.map((w) => w.message).join()).toMatch(
      /service layer 0 of the Align panel could not be read/,
    );
  });
});
