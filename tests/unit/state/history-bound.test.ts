import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../../src/state/history';
import { loadBoundaryText, loadPracticesText } from '../../../src/state/loaders';
import { createPlannerStore } from '../../../src/state/store';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const demo = (f: string) => readFileSync(path.join(repo, 'data', f), 'utf8');

describe('undo history past its bound', () => {
  it(`keeps the last ${HISTORY_LIMIT} steps: undo stops at the oldest kept, redo returns to the newest`, () => {
    const store = createPlannerStore();
    loadBoundaryText(store, demo('demo-boundary.geojson'), 'demo-boundary.geojson');
    loadPracticesText(store, demo('demo-practices.geojson'), 'demo-practices.geojson');
    store.setState({ past: [], future: [] });
    const [a, b] = store.getState().doc.networks;
    const one = store.getState().doc.practices[0].code;
    const extra = 25;
    const steps = HISTORY_LIMIT + extra;
    // Each step leaves a new assignment object, so `toBe` tells exactly which state we are in.
    const after = [store.getState().doc.assignment];
    for (let i = 0; i < steps; i++) {
      expect(store.getState().assignPractices([one], i % 2 ? a.id : b.id)).toBe(1);
      after.push(store.getState().doc.assignment);
      expect(store.getState().past.length).toBe(Math.min(i + 1, HISTORY_LIMIT));
    }

    for (let i = 0; i < HISTORY_LIMIT; i++) store.getState().undo();
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().doc.assignment).toBe(after[extra]);
    store.getState().undo();
    expect(store.getState().doc.assignment).toBe(after[extra]);
    expect(store.getState().future).toHaveLength(HISTORY_LIMIT);

    for (let i = 0; i < HISTORY_LIMIT + 5; i++) store.getState().redo();
    expect(store.getState().doc.assignment).toBe(after[steps]);
    expect(store.getState().future).toHaveLength(0);
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });
});
