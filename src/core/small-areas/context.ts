// Everything about small areas that does not depend on the assignment, built once per (layer,
// registrations, practices, hard areas): the mesh, where each practice's patients live (indexed
// by practice and by area, restricted to the plan's practices and the layer's areas), reference
// points for the nearest-practice fallback, and each area's hard area.
import type { HardArea } from '../cluster';
import { siteAreas } from '../cluster/hard-areas';
import type { CellMesh } from '../geometry/dissolve-sites';
import { meshIslandEdges } from '../geometry/mesh-islands';
import { buildSmallAreaMesh, type SmallAreaMesh } from '../geometry/small-area-mesh';
import { representativePoint } from '../geometry/representative-point';
import { IssueLog } from '../io/issues';
import type { Issue, Practice } from '../model';
import type { SmallAreaLayer } from './parse-small-area-layer';
import { NO_LSOA_CODE, type Registrations } from './registrations';

export interface SmallAreaContext {
  readonly layer: SmallAreaLayer;
  readonly mesh: SmallAreaMesh;
  /** The mesh with the edges of practice-free islands marked, for footprints and their contiguity. */
  readonly dissolveMesh: CellMesh;
  readonly practices: readonly Practice[];
  readonly registrations: Registrations | null;
  /** Plan practice i's rows: areas practiceArea[practiceStart[i] .. practiceStart[i + 1]) with counts. */
  readonly practiceStart: Int32Array;
  readonly practiceArea: Int32Array;
  readonly practiceCount: Uint32Array;
  /** Area a's rows: plan practices areaPractice[areaStart[a] .. areaStart[a + 1]) with counts. */
  readonly areaStart: Int32Array;
  readonly areaPractice: Int32Array;
  readonly areaCount: Uint32Array;
  /** Per plan practice: registered patients with a known LSOA (anything but NO2011). */
  readonly knownPatients: Float64Array;
  /** Per area: registered patients of every practice in the file who live there. */
  readonly allPatients: Float64Array;
  /** Per area: projected point the nearest practice is measured from; NaN until areaReferenceXY asked for it. */
  readonly refXY: Float64Array;
  /** Areas whose reference point is a population-weighted centroid (the rest: a point inside). */
  readonly centroidCount: number;
  /** Per practice: projected position. */
  readonly practiceXY: Float64Array;
  /** Per area and per practice: index of its hard area, or null without hard areas. */
  readonly areaHard: Int32Array | null;
  readonly practiceHard: Int32Array | null;
  /** Plain numbers for a summary line. */
  readonly stats: RegistrationStats;
}

export interface RegistrationStats {
  readonly unknownPractices: number;
  readonly unknownPracticePatients: number;
  readonly areasOutsideLayer: number;
  readonly patientsOutsideLayer: number;
  readonly noLsoaPatients: number;
  readonly practicesWithoutRows: number;
}

export interface SmallAreaInputs {
  readonly layer: SmallAreaLayer;
  readonly practices: readonly Practice[];
  readonly registrations?: Registrations | null;
  /** Population-weighted centroids by area code, WGS84. */
  readonly centroids?: ReadonlyMap<string, readonly [number, number]> | null;
  readonly hardAreas?: readonly HardArea[] | null;
  /** A mesh already built from the same layer (the app keeps it across registrations files). */
  readonly mesh?: SmallAreaMesh;
}

/** Example: `buildSmallAreaContext({ layer, practices, registrations }).context.mesh.cellRings.length`. */
export function buildSmallAreaContext(inputs: SmallAreaInputs): { context: SmallAreaContext; warnings: Issue[] } {
  const { layer, practices } = inputs;
  const registrations = inputs.registrations ?? null;
  const mesh = inputs.mesh ?? buildSmallAreaMesh(layer.polygons);
  const nAreas = layer.codes.length;
  // Reference points are filled on first use (areaReferenceXY): most areas never need one.
  const refXY = new Float64Array(nAreas * 2).fill(Number.NaN);
  if (mesh.insideXY) refXY.set(mesh.insideXY);
  let centroidCount = 0;
  if (inputs.centroids) {
    for (let a = 0; a < nAreas; a++) {
      const c = inputs.centroids.get(layer.codes[a]);
      if (!c) continue;
      const p = mesh.projection.forward(c[0], c[1]);
      centroidCount++;
      refXY[a * 2] = p[0];
      refXY[a * 2 + 1] = p[1];
    }
  }
  const practiceXY = new Float64Array(practices.length * 2);
  practices.forEach((p, i) => {
    const [x, y] = mesh.projection.forward(p.lon, p.lat);
    practiceXY[i * 2] = x;
    practiceXY[i * 2 + 1] = y;
  });
  let areaHard: Int32Array | null = null;
  let practiceHard: Int32Array | null = null;
  if (inputs.hardAreas && inputs.hardAreas.length > 0) {
    const located = (xy: Float64Array) =>
      Array.from({ length: xy.length / 2 }, (_, k) => {
        const [lon, lat] = mesh.projection.inverse(xy[k * 2], xy[k * 2 + 1]);
        return { lon, lat, x: xy[k * 2], y: xy[k * 2 + 1] };
      });
    for (let a = 0; a < nAreas; a++) fillReferenceXY(refXY, mesh, a);
    areaHard = siteAreas({ projection: mesh.projection, sites: located(refXY) }, inputs.hardAreas);
    practiceHard = siteAreas(
      {
        projection: mesh.projection,
        sites: practices.map((p, i) => ({ lon: p.lon, lat: p.lat, x: practiceXY[i * 2], y: practiceXY[i * 2 + 1] })),
      },
      inputs.hardAreas,
    );
  }
  const linked = linkRegistrations(layer, practices, registrations);
  const dissolveMesh: CellMesh = { ...mesh, islandEdges: meshIslandEdges(mesh, practiceXY) };
  return {
    context: {
      layer,
      mesh,
      dissolveMesh,
      practices,
      registrations,
      ...linked.index,
      refXY,
      centroidCount,
      practiceXY,
      areaHard,
      practiceHard,
      stats: linked.stats,
    },
    warnings: linked.warnings,
  };
}

/** Area `a`'s reference point (its population-weighted centroid, else a point inside), projected. */
export function areaReferenceXY(ctx: SmallAreaContext, a: number): readonly [number, number] {
  fillReferenceXY(ctx.refXY, ctx.mesh, a);
  return [ctx.refXY[a * 2], ctx.refXY[a * 2 + 1]];
}

function fillReferenceXY(refXY: Float64Array, mesh: SmallAreaMesh, a: number) {
  if (!Number.isNaN(refXY[a * 2])) return;
  const p = representativePoint(mesh, a) ?? [0, 0];
  refXY[a * 2] = p[0];
  refXY[a * 2 + 1] = p[1];
}

/** Registrations restricted to the plan's practices and the layer's areas, both ways, plus what did not match. */
function linkRegistrations(layer: SmallAreaLayer, practices: readonly Practice[], r: Registrations | null) {
  const nAreas = layer.codes.length;
  const allPatients = new Float64Array(nAreas);
  const knownPatients = new Float64Array(practices.length);
  const practiceStart = new Int32Array(practices.length + 1);
  const stats = {
    unknownPractices: 0,
    unknownPracticePatients: 0,
    areasOutsideLayer: 0,
    patientsOutsideLayer: 0,
    noLsoaPatients: 0,
    practicesWithoutRows: 0,
  };
  const warnings: Issue[] = [];
  if (!r) {
    const empty = {
      practiceStart,
      practiceArea: new Int32Array(0),
      practiceCount: new Uint32Array(0),
      areaStart: new Int32Array(nAreas + 1),
      areaPractice: new Int32Array(0),
      areaCount: new Uint32Array(0),
      knownPatients,
      allPatients,
    };
    return { index: empty, stats, warnings };
  }
  const layerIndex = new Map(layer.codes.map((c, a) => [c, a]));
  const areaOfReg = Int32Array.from(r.areaCodes, (c) => layerIndex.get(c) ?? -1);
  const regOfCode = new Map(r.practiceCodes.map((c, p) => [c, p]));
  const regOfPractice = Int32Array.from(practices, (p) => regOfCode.get(p.code) ?? -1);
  const planOfReg = new Int32Array(r.practiceCodes.length).fill(-1);
  regOfPractice.forEach((rp, i) => {
    if (rp >= 0 && planOfReg[rp] < 0) planOfReg[rp] = i;
  });
  const noLsoa = r.areaCodes.indexOf(NO_LSOA_CODE);
  const outside = new Map<string, number>();
  for (let a = 0; a < r.areaCodes.length; a++) {
    let sum = 0;
    for (let k = r.areaStart[a]; k < r.areaStart[a + 1]; k++) sum += r.byAreaCount[k];
    if (areaOfReg[a] >= 0) allPatients[areaOfReg[a]] = sum;
    else if (a === noLsoa) stats.noLsoaPatients = sum;
    else outside.set(r.areaCodes[a], sum);
  }
  stats.areasOutsideLayer = outside.size;
  for (const n of outside.values()) stats.patientsOutsideLayer += n;
  const unknown: string[] = [];
  r.practiceCodes.forEach((code, rp) => {
    if (planOfReg[rp] >= 0) return;
    unknown.push(code);
    stats.unknownPracticePatients += r.practiceTotal[rp];
  });
  stats.unknownPractices = unknown.length;
  // Rows of the plan's practices in the layer's areas: at most every row of the file.
  const rowArea = new Int32Array(r.byPracticeArea.length);
  const rowCount = new Uint32Array(r.byPracticeArea.length);
  let n = 0;
  practices.forEach((_, i) => {
    const rp = regOfPractice[i];
    if (rp < 0) {
      stats.practicesWithoutRows++;
    } else {
      for (let k = r.practiceStart[rp]; k < r.practiceStart[rp + 1]; k++) {
        const ra = r.byPracticeArea[k];
        if (ra !== noLsoa) knownPatients[i] += r.byPracticeCount[k];
        if (areaOfReg[ra] < 0) continue;
        rowArea[n] = areaOfReg[ra];
        rowCount[n++] = r.byPracticeCount[k];
      }
    }
    practiceStart[i + 1] = n;
  });
  const practiceArea = rowArea.slice(0, n),
    practiceCount = rowCount.slice(0, n);
  const areaStart = new Int32Array(nAreas + 1);
  for (let k = 0; k < n; k++) areaStart[practiceArea[k] + 1]++;
  for (let a = 0; a < nAreas; a++) areaStart[a + 1] += areaStart[a];
  const fill = areaStart.slice(0, nAreas);
  const areaPractice = new Int32Array(n),
    areaCount = new Uint32Array(n);
  for (let i = 0; i < practices.length; i++) {
    for (let k = practiceStart[i]; k < practiceStart[i + 1]; k++) {
      const slot = fill[practiceArea[k]]++;
      areaPractice[slot] = i;
      areaCount[slot] = practiceCount[k];
    }
  }
  const log = new IssueLog(r.fileName);
  const list = (codes: readonly string[]) => `${codes.slice(0, 5).join(', ')}${codes.length > 5 ? ', …' : ''}`;
  if (unknown.length > 0) {
    log.warning(
      'unknownPractice',
      {},
      `${unknown.length} practice${unknown.length === 1 ? ' is' : 's are'} not in the practices file (${list(unknown)}); their ${stats.unknownPracticePatients} patients count for no network`,
    );
  }
  if (outside.size > 0) {
    const welsh = [...outside].filter(([c]) => c.startsWith('W')).reduce((s, [, v]) => s + v, 0);
    log.warning(
      'unknownSmallArea',
      { field: 'LSOA_CODE' },
      `${outside.size} LSOA code${outside.size === 1 ? ' is' : 's are'} not in ${layer.fileName} (${list([...outside.keys()])}; ${stats.patientsOutsideLayer} patients, ${welsh} of them in Welsh LSOAs); those patients live outside every footprint`,
    );
  }
  if (stats.noLsoaPatients > 0) {
    log.warning(
      'noLsoa',
      { field: 'LSOA_CODE' },
      `${stats.noLsoaPatients} patients have no LSOA (${NO_LSOA_CODE}); they are left out of the resident shares`,
    );
  }
  const missing = practices.filter((_, i) => regOfPractice[i] < 0).map((p) => p.code);
  if (missing.length > 0) {
    log.warning(
      'practiceWithoutRows',
      {},
      `${missing.length} practice${missing.length === 1 ? ' has' : 's have'} no rows (${list(missing)}); where their patients live is unknown`,
    );
  }
  warnings.push(...log.warnings());
  return {
    index: {
      practiceStart,
      practiceArea,
      practiceCount,
      areaStart,
      areaPractice,
      areaCount,
      knownPatients,
      allPatients,
    },
    stats,
    warnings,
  };
}
