// The small-area assignment as CSV: which network each small area went to and why.
import { toCsv } from '../io/csv-write';
import { AREA_METHOD_NAME, type SmallAreaPlan } from './small-area-plan';

const SMALL_AREAS_CSV_HEADER = ['small_area_code', 'network_id', 'method', 'network_patients', 'all_patients'] as const;

/**
 * One row per small area in layer order: `E01004766,U60978,registrations,812,1530`. network_id is
 * empty and method `none` when no practice has a network; network_patients are the registered
 * patients of the chosen network's practices living there, all_patients those of every practice
 * in the registrations file.
 */
export function toSmallAreasCsv(plan: SmallAreaPlan): string {
  const { context, owner, method, networkPatients } = plan;
  const ids = plan.input.networks.map((n) => n.id as string);
  return toCsv(
    SMALL_AREAS_CSV_HEADER,
    context.layer.codes.map((code, a) => [
      code,
      owner[a] >= 0 ? ids[owner[a]] : '',
      AREA_METHOD_NAME[method[a]],
      Math.round(networkPatients[a]),
      Math.round(context.allPatients[a]),
    ]),
  );
}
