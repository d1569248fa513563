// Footprints from small areas on Greater Manchester: real practices and PCNs (January 2022), LSOA
// 2011 polygons and NHS Digital's registrations by practice and LSOA (July 2022).
import { area as turfArea } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkId, type NetworkId, type PracticeCode } from '../../../src/core/model';
import {
  AREA_METHOD,
  areaReferenceXY,
  buildSmallAreaContext,
  evaluateSmallAreaPlan,
  readRegistrations,
  updateSmallAreaPlan,
  type SmallAreaContext,
  type SmallAreaPlan,
} from '../../../src/core/small-areas';
import { polygonValidityErrors } from '../geometry/validity';
import { gmCase, ok, seeded, type GmCase } from './helpers';

let gm: GmCase;
let ctx: SmallAreaContext;
let plan: SmallAreaPlan;

beforeAll(() => {
  gm = gmCase();
  ctx = buildSmallAreaContext({
    layer: gm.layer,
    practices: gm.input.practices,
    registrations: gm.registrations,
  }).context;
  plan = evaluateSmallAreaPlan(gm.input, ctx);
});

const areaM2 = (g: Polygon | MultiPolygon | null) =>
  g ? turfArea({ type: 'Feature', properties: {}, geometry: g } as Feature) : 0;

/** Everything a plan says about its areas and networks, for comparing two plans. */
function snapshot(p: SmallAreaPlan) {
  return {
    owner: [...p.owner],
    method: [...p.method],
    networkPatients: [...p.networkPatients],
    networks: [...p.networks.values()].map(
      ({ id, population, practiceCodes, areas, parts, areaKm2, residentPatients, residentShare, geometry }) => ({
        id,
        population,
        practiceCodes,
        areas,
        parts,
        areaKm2: Math.round(areaKm2 * 1e6),
        residentPatients,
        residentShare,
        geometry,
      }),
    ),
    unassigned: p.unassigned,
    residentPatients: p.residentPatients,
    knownPatients: p.knownPatients,
    inBand: p.inBand,
    nonContiguous: p.nonContiguous,
  };
}

describe('small-area footprints on Greater Manchester', () => {
  it('reads the real files: 1,673 LSOAs by lsoa11cd, 59,191 rows of 424 practices', () => {
    expect(gm.layer.codeField).toBe('lsoa11cd');
    expect(gm.layer.codes).toHaveLength(1673);
    expect(gm.registrations.rowCount).toBe(59_191);
    expect(gm.registrations.practiceCodes).toHaveLength(424);
    expect(gm.registrations.totalPatients).toBe(3_202_678);
  });

  it('puts every LSOA in exactly one network, by registrations', () => {
    const seen = new Int32Array(gm.layer.codes.length);
    for (const s of plan.networks.values()) for (const a of s.areas) seen[a]++;
    expect([...seen].every((n) => n === 1)).toBe(true);
    expect([...plan.method].every((m) => m === AREA_METHOD.registrations)).toBe(true);
    for (const s of plan.networks.values())
      for (const a of s.areas) expect(plan.input.networks[plan.owner[a]].id).toBe(s.id);
  });

  it('gives each LSOA the network with the most registered patients living there (recounted from the CSV text)', () => {
    const practiceNetwork = new Map(gm.input.practices.map((p) => [p.code as string, gm.input.assignment.get(p.code)]));
    const perArea = new Map<string, Map<string, number>>();
    for (const line of gm.registrationsText.trim().split('\n').slice(1)) {
      const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
      const net = practiceNetwork.get(cells[0]);
      if (!net) continue;
      const m = perArea.get(cells[2]) ?? new Map<string, number>();
      m.set(net, (m.get(net) ?? 0) + Number(cells[3]));
      perArea.set(cells[2], m);
    }
    gm.layer.codes.forEach((code, a) => {
      const best = [...perArea.get(code)!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
      expect(plan.input.networks[plan.owner[a]].id, code).toBe(best[0]);
      expect(plan.networkPatients[a]).toBe(best[1]);
    });
  });

  it("tiles the union of the LSOAs: footprint areas add up to the LSOAs' (turf, not the engine)", () => {
    const lsoaM2 = gm.layer.polygons.reduce((s, polys) => s + areaM2({ type: 'MultiPolygon', coordinates: polys }), 0);
    const footprintM2 = [...plan.networks.values()].reduce((s, n) => s + areaM2(n.geometry), 0);
    expect(Math.abs(footprintM2 - lsoaM2) / lsoaM2).toBeLessThan(1e-6);
    const engineKm2 = [...plan.networks.values()].reduce((s, n) => s + n.areaKm2, 0);
    expect(Math.abs(engineKm2 * 1e6 - lsoaM2) / lsoaM2).toBeLessThan(1e-3);
  });

  it('writes footprints that are valid polygons (jsts, an independent validator) with contiguity from the shared ring builder', () => {
    const errors = [...plan.networks.values()].flatMap((n) => polygonValidityErrors(n.geometry, n.id));
    expect(errors).toEqual([]);
    for (const n of plan.networks.values()) expect(n.contiguous).toBe(n.parts === 1);
    expect(plan.nonContiguous.length).toBeGreaterThan(0);
  });

  it('adds up populations and patients', () => {
    const nets = [...plan.networks.values()];
    const population = nets.reduce((s, n) => s + n.population, 0);
    expect(population + plan.unassignedPopulation).toBe(plan.totalPopulation);
    expect(plan.totalPopulation).toBe(gm.input.practices.reduce((s, p) => s + p.listSize, 0));
    expect(nets.reduce((s, n) => s + (n.residentPatients ?? 0), 0)).toBe(
      plan.networkPatients.reduce((s, v) => s + v, 0),
    );
    expect(plan.residentPatients).toBeLessThanOrEqual(plan.knownPatients);
    const inLayer = ctx.allPatients.reduce((s, v) => s + v, 0);
    expect(inLayer + ctx.stats.patientsOutsideLayer + ctx.stats.noLsoaPatients).toBe(gm.registrations.totalPatients);
    expect(plan.residentPatients / plan.knownPatients).toBeGreaterThan(0.6);
  });

  it('incremental updates equal a full rebuild after 1,000 random moves', () => {
    const rand = seeded(11);
    const ids = gm.input.networks.map((n) => n.id);
    let current = plan;
    const assignment = new Map<PracticeCode, NetworkId>(gm.input.assignment);
    for (let step = 1; step <= 1000; step++) {
      const p = gm.input.practices[Math.floor(rand() * gm.input.practices.length)];
      if (rand() < 0.05) assignment.delete(p.code);
      else assignment.set(p.code, ids[Math.floor(rand() * ids.length)]);
      current = updateSmallAreaPlan(current, { ...current.input, assignment: new Map(assignment) }, [p.code]);
      if (step % 250 === 0)
        expect(snapshot(current), `after ${step} moves`).toEqual(snapshot(evaluateSmallAreaPlan(current.input, ctx)));
    }
  });

  it('incremental updates equal a full rebuild where the nearest-practice fallback is in play', () => {
    const rand = seeded(7);
    const kept = gm.input.networks.slice(1, 6).map((n) => n.id);
    const assignment = new Map([...gm.input.assignment].filter(([, id]) => kept.includes(id)));
    let current = evaluateSmallAreaPlan({ ...gm.input, assignment: new Map(assignment) }, ctx);
    for (let step = 1; step <= 150; step++) {
      const p = gm.input.practices[Math.floor(rand() * gm.input.practices.length)];
      if (rand() < 0.8) assignment.delete(p.code);
      else assignment.set(p.code, kept[Math.floor(rand() * kept.length)]);
      current = updateSmallAreaPlan(current, { ...current.input, assignment: new Map(assignment) }, [p.code]);
    }
    expect(current.method.some((m) => m === AREA_METHOD.nearest)).toBe(true);
    expect(snapshot(current)).toEqual(snapshot(evaluateSmallAreaPlan(current.input, ctx)));
  });

  it('recomputes only the networks a move touches', () => {
    const p = gm.input.practices.find((q) => gm.input.assignment.get(q.code) === networkId('U79938'))!;
    const moved = updateSmallAreaPlan(
      plan,
      { ...plan.input, assignment: new Map(plan.input.assignment).set(p.code, networkId('U05517')) },
      [p.code],
    );
    expect(moved.changed).toContain('U79938');
    expect(moved.changed).toContain('U05517');
    expect(moved.changed.length).toBeLessThan(10);
    for (const [id, s] of moved.networks) if (!moved.changed.includes(id)) expect(s).toBe(plan.networks.get(id));
  });

  it('gives the same result from the male/female variant of the file (built here from the real file)', () => {
    const lines = gm.registrationsText.trim().split('\n');
    const split = ['PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS'];
    for (const line of lines.slice(1)) {
      const at = line.lastIndexOf(',');
      const n = Number(line.slice(at + 1));
      const rest = line.slice(0, at);
      const [code, ...tail] = rest.split(',');
      const lsoa = tail.pop()!;
      const name = tail.join(',');
      split.push(`GP_PRAC_PAT_LIST,JUL2022,${code},${name},${lsoa},MALE,${Math.floor(n / 2)}`);
      split.push(`GP_PRAC_PAT_LIST,JUL2022,${code},${name},${lsoa},FEMALE,${n - Math.floor(n / 2)}`);
    }
    const variant = ok(readRegistrations(split.join('\r\n'), 'gp-reg-pat-prac-lsoa-male-female.csv'));
    expect(variant.rowCount).toBe(2 * (lines.length - 1));
    expect(variant.totalPatients).toBe(gm.registrations.totalPatients);
    const vctx = buildSmallAreaContext({
      layer: gm.layer,
      practices: gm.input.practices,
      registrations: variant,
      mesh: ctx.mesh,
    }).context;
    expect(snapshot(evaluateSmallAreaPlan(gm.input, vctx))).toEqual(snapshot(plan));
  });

  it('uses the nearest practice exactly where no practice of the plan has patients', () => {
    // Keep five networks: LSOAs where none of their practices has patients fall back.
    const kept = new Set(gm.input.networks.slice(1, 6).map((n) => n.id));
    const assignment = new Map([...gm.input.assignment].filter(([, id]) => kept.has(id)));
    const fallback = evaluateSmallAreaPlan({ ...gm.input, assignment }, ctx);
    let nearest = 0;
    gm.layer.codes.forEach((_, a) => {
      let planPatients = 0;
      for (let k = ctx.areaStart[a]; k < ctx.areaStart[a + 1]; k++)
        if (assignment.has(gm.input.practices[ctx.areaPractice[k]].code)) planPatients += ctx.areaCount[k];
      expect(fallback.method[a]).toBe(planPatients > 0 ? AREA_METHOD.registrations : AREA_METHOD.nearest);
      if (planPatients > 0) return;
      nearest++;
      // Brute force over the assigned practices, in the same projection.
      const [rx, ry] = areaReferenceXY(ctx, a);
      let best = -1,
        bestD = Infinity;
      gm.input.practices.forEach((p, i) => {
        if (!assignment.has(p.code)) return;
        const d = Math.hypot(ctx.practiceXY[i * 2] - rx, ctx.practiceXY[i * 2 + 1] - ry);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
      const chosen = fallback.nearest[a];
      expect(Math.hypot(ctx.practiceXY[chosen * 2] - rx, ctx.practiceXY[chosen * 2 + 1] - ry)).toBeCloseTo(bestD, 6);
      expect(best).toBeGreaterThanOrEqual(0);
    });
    expect(nearest).toBeGreaterThan(20);
    const without = evaluateSmallAreaPlan(
      gm.input,
      buildSmallAreaContext({ layer: gm.layer, practices: gm.input.practices, mesh: ctx.mesh }).context,
    );
    expect([...without.method].every((m) => m === AREA_METHOD.nearest)).toBe(true);
    expect([...without.networks.values()].every((n) => n.residentPatients === null && n.residentShare === null)).toBe(
      true,
    );
  });

  it('never mutates its inputs', () => {
    const before = JSON.stringify([...gm.input.assignment]);
    const owner = [...plan.owner];
    const p = gm.input.practices[0];
    updateSmallAreaPlan(
      plan,
      { ...plan.input, assignment: new Map(plan.input.assignment).set(p.code, networkId('U05517')) },
      [p.code],
    );
    expect(JSON.stringify([...gm.input.assignment])).toBe(before);
    expect([...plan.owner]).toEqual(owner);
  });
});
