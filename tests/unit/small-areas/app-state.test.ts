// The store with small areas (Greater Manchester): the footprint source, live updates under edits,
// catchments, and the plan file recording the small-area files by name and checksum.
import { describe, expect, it } from 'vitest';
import { networkId } from '../../../src/core/model';
import { evaluateSmallAreaPlan, type SmallAreaNetworkSummary } from '../../../src/core/small-areas';
import { openPlanText } from '../../../src/state/loaders';
import { parsePlan, serialisePlan } from '../../../src/state/plan-file';
import { selectPlan } from '../../../src/state/selectors';
import { practiceCatchment, selectCatchment, shownSmallAreaPlan } from '../../../src/state/small-areas';
import { createPlannerStore } from '../../../src/state/store';
import { applyHardAreas } from '../../../src/ui/load-small-areas';
import { gmSmallAreaStore, LAYER_FILE, REG_FILE, readData } from './helpers';

describe('small areas in the store', () => {
  it('shows cell footprints until small areas are chosen, then small-area footprints', () => {
    const store = gmSmallAreaStore();
    expect([...selectPlan(store.getState()).networks.values()].some((n) => 'smallAreaCount' in n)).toBe(false);
    store.getState().setFootprintSource('smallAreas');
    const plan = selectPlan(store.getState());
    const nets = [...plan.networks.values()] as SmallAreaNetworkSummary[];
    expect(nets.reduce((s, n) => s + n.smallAreaCount, 0)).toBe(1673);
    expect(shownSmallAreaPlan(store.getState(), plan)).not.toBeNull();
  });

  it('follows edits incrementally and equals a fresh evaluation', () => {
    const store = gmSmallAreaStore();
    store.getState().setFootprintSource('smallAreas');
    selectPlan(store.getState());
    const doc = store.getState().doc;
    const code = doc.practices.find((p) => doc.assignment.get(p.code) === networkId('U79938'))!.code;
    store.getState().assignPractices([code], networkId('U05517'));
    const plan = selectPlan(store.getState());
    expect(plan.changed).toContain('U79938');
    const areas = shownSmallAreaPlan(store.getState(), plan)!;
    const fresh = evaluateSmallAreaPlan(areas.input, areas.context);
    expect([...areas.owner]).toEqual([...fresh.owner]);
    for (const [id, n] of fresh.networks) expect(plan.networks.get(id)!.geometry).toEqual(n.geometry);
    const catchment = practiceCatchment(areas, code)!;
    expect(catchment.smallAreas).toBe(
      selectCatchment(store.getState(), doc.practices, store.getState().smallAreas!, code).features.length,
    );
    expect(catchment.insideOwnFootprint).toBeLessThanOrEqual(catchment.patients);
  });

  it('records the footprint source and the files by name and checksum in the plan file, and names them on opening', () => {
    const store = gmSmallAreaStore();
    store.getState().setFootprintSource('smallAreas');
    const text = serialisePlan(store.getState());
    const back = parsePlan(text, 'plan.json', () => 1);
    expect(back.ok && back.value.smallAreas).toEqual({
      footprints: 'smallAreas',
      layer: LAYER_FILE,
      registrations: REG_FILE,
    });
    const other = createPlannerStore();
    expect(openPlanText(other, text, 'plan.json').kind).toBe('loaded');
    expect(
      other
        .getState()
        .notices.map((n) => n.text)
        .join('\n'),
    ).toMatch(
      /footprints from small areas and the small-area layer gm_lsoa2011_bgc\.geojson \(SHA-256 aaaaaaaaaaaa…\) and registrations gm_practice_lsoa_2022-07\.csv/,
    );
    const broken = text.replace('"footprints":"smallAreas"', '"footprints":"lsoas"');
    expect(openPlanText(other, broken, 'broken.json').kind).not.toBe('loaded');
  });

  it('records the hard areas small areas were kept within (file and area field) and names them on opening', () => {
    const store = gmSmallAreaStore();
    const name = 'gm_local_authorities_2023_bgc.geojson';
    const text = readData(name);
    expect(applyHardAreas(store, { name, text, sha256: 'b'.repeat(64), bytes: text.length })).toBe(true);
    expect(store.getState().smallAreas?.hardAreas?.field).toBe('lad23nm');
    store.getState().setFootprintSource('smallAreas');
    const saved = serialisePlan(store.getState());
    const back = parsePlan(saved, 'plan.json', () => 1);
    expect(back.ok && back.value.smallAreas?.hardAreas).toEqual({
      name,
      sha256: 'b'.repeat(64),
      bytes: text.length,
      field: 'lad23nm',
    });
    const other = createPlannerStore();
    expect(openPlanText(other, saved, 'plan.json').kind).toBe('loaded');
    expect(
      other
        .getState()
        .notices.map((n) => n.text)
        .join('\n'),
    ).toMatch(/within the hard areas gm_local_authorities_2023_bgc\.geojson \(SHA-256 bbbbbbbbbbbb…\) by lad23nm/);
    const broken = saved.replace('"field":"lad23nm"', '"field":7');
    expect(openPlanText(other, broken, 'broken.json').kind).not.toBe('loaded');
  });

  it('drops back to cells when the small areas are closed', () => {
    const store = gmSmallAreaStore();
    store.getState().setFootprintSource('smallAreas');
    store.getState().setSmallAreas(null);
    expect(store.getState().footprintSource).toBe('cells');
  });
});
