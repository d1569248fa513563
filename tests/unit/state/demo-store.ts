// A store holding the project's synthetic demo region (data/), with an empty history.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadBoundaryText, loadPracticesText } from '../../../src/state/loaders';
import { createPlannerStore } from '../../../src/state/store';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const demo = (f: string) => readFileSync(path.join(repo, 'data', f), 'utf8');

export function demoStore() {
  const store = createPlannerStore();
  expect(loadBoundaryText(store, demo('demo-boundary.geojson'), 'demo-boundary.geojson').kind).toBe('loaded');
  expect(loadPracticesText(store, demo('demo-practices.geojson'), 'demo-practices.geojson').kind).toBe('loaded');
  store.setState({ past: [], future: [], problems: [] });
  return store;
}
