// GeoJSON features for the map sources, with stable numeric ids: practices by practice index,
// cells by site index, footprints by the network's fid. Pure: no MapLibre here.
import type { Feature, Geometry, Point } from 'geojson';
import type { Tessellation } from '../core/geometry';
import { cellGeometry } from '../core/geometry';
import type { NetworkId, Practice } from '../core/model';
import { type NetworkSummary, type PlanResult, practiceIndex } from '../core/plan';
import { changedPractices } from '../state/selectors';
import type { NetworkDef } from '../state/types';

const UNASSIGNED_COLOUR = '#ffffff';

export interface PracticeProps {
  code: string;
  name: string;
  listSize: number;
  network: string;
  colour: string;
  assigned: boolean;
}

/** A practice's fill colour: its network's, white when unassigned. */
export const practiceColour = (def: NetworkDef | undefined): string => def?.colour ?? UNASSIGNED_COLOUR;

export function practiceFeature(i: number, p: Practice, def: NetworkDef | undefined): Feature<Point, PracticeProps> {
  return {
    type: 'Feature',
    id: i,
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: {
      code: p.code,
      name: p.name,
      listSize: p.listSize,
      network: def?.id ?? '',
      colour: practiceColour(def),
      assigned: def !== undefined,
    },
  };
}

/** The cells of sites `from` .. `to` - 1 (all by default) that reach the study area. */
export function cellFeatures(t: Tessellation, from = 0, to = t.sites.length): Feature<Geometry, { site: number }>[] {
  const out: Feature<Geometry, { site: number }>[] = [];
  for (let s = from; s < to; s++) {
    const g = cellGeometry(t, s);
    if (g) out.push({ type: 'Feature', id: s, geometry: g, properties: { site: s } });
  }
  return out;
}

/**
 * The study area, drawn as land and outlined from the footprint source (src/map/layers.ts): one
 * source fewer between the footprint layers, each switch of source costing a software renderer a
 * clipping mask per tile. Its id is one no network has (fids start at 1).
 */
export const STUDY_AREA_ID = 0;
/** The property that marks the study area among the footprints. */
export const STUDY_AREA_PROPERTY = 'studyArea';

export function studyAreaFeature(geometry: Geometry): Feature<Geometry, { [STUDY_AREA_PROPERTY]: true }> {
  return { type: 'Feature', id: STUDY_AREA_ID, geometry, properties: { [STUDY_AREA_PROPERTY]: true } };
}

export interface FootprintProps {
  network: string;
  name: string;
  colour: string;
  band: string;
  population: number;
  parts: number;
}

export function footprintFeature(def: NetworkDef, s: NetworkSummary): Feature<Geometry, FootprintProps> | null {
  if (!s.geometry) return null;
  return {
    type: 'Feature',
    id: def.fid,
    geometry: s.geometry,
    properties: {
      network: def.id,
      name: def.name,
      colour: def.colour,
      band: s.band,
      population: s.population,
      parts: s.parts,
    },
  };
}

/** The label a footprint carries: name, population and, when out of band, the status word. */
export function footprintLabel(def: NetworkDef, s: NetworkSummary): string {
  const status = s.band === 'within' ? '' : ` · ${s.band} band`;
  const split = s.parts > 1 && !s.contiguous ? ` · ${s.parts} parts` : '';
  return `${def.name}\n${GB_NUMBER.format(s.population)}${status}${split}`;
}

/** toLocaleString('en-GB') builds a formatter per call: 20 ms for a national plan's labels. */
const GB_NUMBER = new Intl.NumberFormat('en-GB');

const defsCache = new WeakMap<readonly NetworkDef[], ReadonlyMap<NetworkId, NetworkDef>>();

/** The networks by id, built once per networks array (a paint click keeps the array: no rebuild). */
export function defsById(networks: readonly NetworkDef[]): ReadonlyMap<NetworkId, NetworkDef> {
  let m = defsCache.get(networks);
  if (!m) {
    m = new Map(networks.map((n) => [n.id, n]));
    defsCache.set(networks, m);
  }
  return m;
}

/**
 * Practices whose network (or its colour) differ between two plans of the same practices, by
 * practice index: those the assignment moved (a paint click: the store's note of the edit, without
 * comparing two national assignments) and the members of networks recoloured or renamed.
 */
export function practicesToRefresh(
  prev: PlanResult,
  next: PlanResult,
  colourChanged: ReadonlySet<NetworkId>,
): number[] {
  const { practices, assignment } = next.input;
  if (practices !== prev.input.practices) return practices.map((_, i) => i);
  const index = practiceIndex(practices);
  const out = new Set<number>();
  for (const code of changedPractices(prev.input.assignment, assignment)) {
    const i = index.get(code);
    if (i !== undefined) out.add(i);
  }
  for (const id of colourChanged)
    for (const code of next.networks.get(id)?.practiceCodes ?? []) out.add(index.get(code) as number);
  return [...out].sort((a, b) => a - b);
}
