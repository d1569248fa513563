// The grid-and-tree k-means++ seeding picks the same seeds as the plain O(nodes x seeds) loop it
// replaced (kept here as the reference), on the real national sites and on awkward layouts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SiteGraph } from '../../../src/core/cluster/site-graph';
import { pickSeeds } from '../../../src/core/cluster/seed-spread';
import { createRandom } from '../../../src/core/cluster/prng';
import { buildTessellation } from '../../../src/core/geometry';
import { parseBoundary, parsePractices } from '../../../src/core/io';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
const read = (f: string) => readFileSync(path.join(dataDir, f), 'utf8');

type Points = Pick<SiteGraph, 'x' | 'y' | 'population'>;

function naiveSeeds(g: Points, nodes: readonly number[], m: number, random: () => number): number[] {
  const seeds: number[] = [];
  const d2 = new Float64Array(nodes.length).fill(Infinity);
  const weight = (k: number) => g.population[nodes[k]] + 1;
  let total = 0;
  for (let k = 0; k < nodes.length; k++) total += weight(k);
  let target = random() * total;
  let chosen = 0;
  for (let k = 0; k < nodes.length; k++) {
    target -= weight(k);
    if (target <= 0) {
      chosen = k;
      break;
    }
  }
  while (seeds.length < m) {
    seeds.push(nodes[chosen]);
    const cx = g.x[nodes[chosen]];
    const cy = g.y[nodes[chosen]];
    let sum = 0;
    for (let k = 0; k < nodes.length; k++) {
      const d = (g.x[nodes[k]] - cx) ** 2 + (g.y[nodes[k]] - cy) ** 2;
      if (d < d2[k]) d2[k] = d;
      sum += d2[k] * weight(k);
    }
    if (seeds.length === m) break;
    if (sum <= 0) {
      chosen = seeds.length % nodes.length;
      while (seeds.includes(nodes[chosen])) chosen = (chosen + 1) % nodes.length;
      continue;
    }
    target = random() * sum;
    chosen = nodes.length - 1;
    for (let k = 0; k < nodes.length; k++) {
      target -= d2[k] * weight(k);
      if (target <= 0 && d2[k] > 0) {
        chosen = k;
        break;
      }
    }
    if (d2[chosen] === 0) chosen = d2.findIndex((d) => d > 0);
  }
  return seeds;
}

function same(g: Points, nodes: readonly number[], m: number, seed = 1) {
  const fast = pickSeeds(g as SiteGraph, nodes, m, createRandom(seed));
  const slow = naiveSeeds(g, nodes, m, createRandom(seed));
  expect(fast).toEqual(slow);
}

function points(xy: readonly [number, number][], population: (k: number) => number): Points {
  return {
    x: Float64Array.from(xy, (p) => p[0]),
    y: Float64Array.from(xy, (p) => p[1]),
    population: Float64Array.from(xy, (_, k) => population(k)),
  };
}

describe('k-means++ seeds (grid and sum tree) against the plain loop', () => {
  it('England practice sites: every seed the same for 1,500 and 5,000 seeds and several PRNG seeds', () => {
    const table = parsePractices(read('england_practices_2022-01.csv'), 'england_practices_2022-01.csv', {});
    const boundary = parseBoundary(read('england_icb_2022_ultragen.geojson'), 'england_icb_2022_ultragen.geojson');
    if (!table.ok || !boundary.ok) throw new Error('real data did not parse');
    const t = buildTessellation(table.value.practices, boundary.value);
    const population = new Float64Array(t.sites.length);
    for (let s = 0; s < t.sites.length; s++)
      for (const p of t.sites[s].practices) population[s] += table.value.practices[p].listSize;
    const g = { x: Float64Array.from(t.sites, (s) => s.x), y: Float64Array.from(t.sites, (s) => s.y), population };
    const all = Array.from({ length: t.sites.length }, (_, k) => k);
    for (const seed of [1, 2, 7]) same(g, all, 1500, seed);
    same(g, all, 5000);
    same(
      g,
      all.filter((k) => k % 3 === 0),
      400,
    );
  });

  it('uniform random points, a line, coincident points and more seeds than distinct places', () => {
    const random = createRandom(99);
    const cloud = Array.from({ length: 20_000 }, () => [random() * 600_000, random() * 500_000] as [number, number]);
    same(
      points(cloud, (k) => 1000 + (k % 17) * 900),
      cloud.map((_, k) => k),
      4000,
    );
    const line = Array.from({ length: 3000 }, (_, k) => [k * 37.5, 0] as [number, number]);
    same(
      points(line, () => 5000),
      line.map((_, k) => k),
      700,
    );
    const stacked = Array.from({ length: 50 }, (_, k) => [(k % 3) * 10, 0] as [number, number]);
    same(
      points(stacked, () => 0),
      stacked.map((_, k) => k),
      10,
    );
    same(
      points([[5, 5]], () => 100),
      [0],
      1,
    );
  });
});
