// The few lines a command prints about a plan: networks, band, contiguity, unassigned,
// shared sites. Shared by every command that produces a plan (footprints, cluster, align).
import { MAX_PLAUSIBLE_LIST_SIZE } from '../core/io';
import type { NetworkId, Practice } from '../core/model';
import type { PlanResult } from '../core/plan';
import { formatCount, plural } from './io';

/** Lists at most this many ids inline, then "and N more". */
const MAX_LISTED = 6;

export function listIds(ids: readonly string[], max = MAX_LISTED): string {
  if (ids.length <= max) return ids.join(', ');
  return `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '0.0%');

/**
 * e.g.
 * ```
 * Networks: 12; in band 30,000-50,000: 9; below: 1 (ZN11); above: 2 (ZN03, ZN06)
 * Contiguous: 11 of 12; in several parts: ZN06 (2 parts)
 * Unassigned: 36 practices, 293,603 patients (36.5% of 803,785)
 * Shared-site conflicts: 1 (Z90001, Z90002, Z90003 at one site: ZN01, ZN05)
 * ```
 * The last line only for plans built from practice cells (small areas have no shared sites).
 */
export function planSummaryLines(
  plan: Pick<
    PlanResult,
    'input' | 'networks' | 'inBand' | 'nonContiguous' | 'unassigned' | 'unassignedPopulation' | 'totalPopulation'
  > & { readonly sharedSiteConflicts?: PlanResult['sharedSiteConflicts'] },
  noFootprintReason: string | ((id: NetworkId) => string) = 'no practice inside the study area',
): string[] {
  const { band } = plan.input;
  const summaries = [...plan.networks.values()];
  const below = summaries.filter((n) => n.band === 'below').map((n) => n.id as string);
  const above = summaries.filter((n) => n.band === 'above').map((n) => n.id as string);
  const bandLine = [
    `Networks: ${formatCount(summaries.length)}`,
    `in band ${formatCount(band.min)}-${formatCount(band.max)}: ${formatCount(plan.inBand)}`,
    `below: ${formatCount(below.length)}${below.length ? ` (${listIds(below)})` : ''}`,
    `above: ${formatCount(above.length)}${above.length ? ` (${listIds(above)})` : ''}`,
  ].join('; ');
  const split = plan.nonContiguous.map((id) => `${id} (${plan.networks.get(id)?.parts ?? '?'} parts)`);
  const contiguousLine =
    `Contiguous: ${formatCount(summaries.filter((n) => n.contiguous).length)} of ${formatCount(summaries.length)}` +
    (split.length ? `; in several parts: ${listIds(split)}` : '') +
    noFootprintText(
      summaries.filter((n) => n.parts === 0).map((n) => n.id),
      noFootprintReason,
    );
  const unassignedLine =
    `Unassigned: ${plural(plan.unassigned.length, 'practice')}, ${plural(plan.unassignedPopulation, 'patient')}` +
    ` (${percent(plan.unassignedPopulation, plan.totalPopulation)} of ${formatCount(plan.totalPopulation)})`;
  if (!plan.sharedSiteConflicts) return [bandLine, contiguousLine, unassignedLine];
  const conflicts = plan.sharedSiteConflicts.map(
    (c) => `${listIds(c.practiceCodes, 4)} at one site: ${c.networks.join(', ')}`,
  );
  const shown = conflicts.slice(0, 3).join('; ') + (conflicts.length > 3 ? `; and ${conflicts.length - 3} more` : '');
  const conflictLine = `Shared-site conflicts: ${formatCount(conflicts.length)}${conflicts.length ? ` (${shown})` : ''}`;
  return [bandLine, contiguousLine, unassignedLine, conflictLine];
}

/**
 * `Implausible list sizes: 1 above 250,000 (Z997 1,000,000,000,000), used as given; see the warnings`,
 * or nothing when every list size is plausible.
 */
export function implausibleListSizeLines(practices: readonly Practice[]): string[] {
  const big = practices.filter((p) => p.listSize > MAX_PLAUSIBLE_LIST_SIZE);
  if (big.length === 0) return [];
  const shown = listIds(
    big.map((p) => `${p.code} ${formatCount(p.listSize)}`),
    3,
  );
  return [
    `Implausible list sizes: ${formatCount(big.length)} above ${formatCount(MAX_PLAUSIBLE_LIST_SIZE)} (${shown}), used as given; see the warnings`,
  ];
}

/** `; no footprint (reason): 2 (N1, N2)`, one group per reason; '' when every network has one. */
function noFootprintText(ids: readonly NetworkId[], reason: string | ((id: NetworkId) => string)): string {
  if (ids.length === 0) return '';
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const why = typeof reason === 'string' ? reason : reason(id);
    groups.set(why, [...(groups.get(why) ?? []), id]);
  }
  return [...groups]
    .map(([why, group]) => `; no footprint (${why}): ${formatCount(group.length)} (${listIds(group)})`)
    .join('');
}

/**
 * Why a network of a Voronoi plan has no footprint: it has no practices, its practices' shared
 * sites went to a network with more patients there, or none of its practices is inside the area.
 */
export function noFootprintReasonOf(plan: PlanResult): (id: NetworkId) => string {
  const t = plan.tessellation;
  // Built on the first network without a footprint (most plans have none).
  let indexOfCode: Map<string, number> | null = null;
  let networkIndex: Map<string, number> | null = null;
  return (id) => {
    const summary = plan.networks.get(id);
    if (!summary || summary.practiceCount === 0) return 'no practices';
    indexOfCode ??= new Map(plan.input.practices.map((p, i) => [p.code as string, i]));
    networkIndex ??= new Map(plan.input.networks.map((n, k) => [n.id as string, k]));
    const k = networkIndex.get(id);
    const codeIndex = indexOfCode;
    const lostShared = summary.practiceCodes.some((code) => {
      const site = t.siteOfPractice[codeIndex.get(code) ?? -1];
      return site !== undefined && t.cellRings[site].length > 0 && plan.siteOwner[site] !== k;
    });
    return lostShared
      ? 'its practices share a site with a network that has more patients there'
      : 'no practice inside the study area';
  };
}
