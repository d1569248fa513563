import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { assignmentFromTable, parseBoundary, parsePractices } from '../../../src/core/io';
import {
  networkId,
  practiceCode,
  type Network,
  type NetworkId,
  type Practice,
  type PracticeCode,
} from '../../../src/core/model';

export const sharedData = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

/** Practices, boundary and the real PCN assignment from ../shared/data. */
export function loadReal(practicesFile: string, boundaryFile: string) {
  const pr = parsePractices(readFileSync(path.join(sharedData, practicesFile), 'utf8'), practicesFile);
  const br = parseBoundary(readFileSync(path.join(sharedData, boundaryFile), 'utf8'), boundaryFile);
  if (!pr.ok || !br.ok) throw new Error(`cannot read ${practicesFile} / ${boundaryFile}`);
  return { practices: pr.value.practices, boundary: br.value, ...assignmentFromTable(pr.value) };
}

export function practice(code: string, lon: number, lat: number, listSize = 10_000): Practice {
  return { code: practiceCode(code), name: `Practice ${code}`, listSize, lon, lat };
}

export function square(lon0: number, lat0: number, lon1: number, lat1: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon0, lat0],
        [lon1, lat0],
        [lon1, lat1],
        [lon0, lat1],
        [lon0, lat0],
      ],
    ],
  };
}

export function plan(networks: Record<string, string[]>) {
  const nets: Network[] = Object.keys(networks).map((id) => ({ id: networkId(id), name: `Network ${id}` }));
  const assignment = new Map<PracticeCode, NetworkId>();
  for (const [id, codes] of Object.entries(networks))
    for (const c of codes) assignment.set(practiceCode(c), networkId(id));
  return { networks: nets, assignment };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** Outer rings counter-clockwise, holes clockwise, closed, 6 decimals. */
export function checkRfc7946(geometry: { type: string; coordinates: unknown }): string[] {
  const problems: string[] = [];
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  for (const poly of polys) {
    poly.forEach((ring, k) => {
      const first = ring[0],
        last = ring[ring.length - 1];
      if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) problems.push('ring not closed');
      let sum = 0;
      for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      if ((k === 0) !== sum > 0) problems.push(k === 0 ? 'outer ring clockwise' : 'hole counter-clockwise');
      for (const p of ring)
        if (Math.round(p[0] * 1e6) / 1e6 !== p[0] || Math.round(p[1] * 1e6) / 1e6 !== p[1])
          problems.push('more than 6 decimals');
    });
  }
  return problems;
}
