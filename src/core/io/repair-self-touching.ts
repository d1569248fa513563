// Input rings that touch themselves at a vertex are invalid under OGC rules (QGIS and PostGIS
// reject them) though some tools draw harbours that way: split them, and say so.
import type { Position } from 'geojson';
import { splitSelfTouchingRings } from '../geometry/split-self-touching';
import type { IssueLog } from './issues';

/** The polygons with self-touching rings split (a warning names where); the input when none. */
export function repairSelfTouching(polygons: Position[][][], where: string | undefined, log: IssueLog): Position[][][] {
  const repair = splitSelfTouchingRings(polygons);
  if (!repair) return polygons;
  const [lon, lat] = repair.touches[0];
  const more =
    repair.touches.length > 1
      ? ` and ${repair.touches.length - 1} more place${repair.touches.length > 2 ? 's' : ''}`
      : '';
  log.warning(
    'repaired',
    where === undefined ? {} : { where },
    `a ring touches itself at ${lon}, ${lat}${more} (invalid polygon); split there into separate rings (${repair.polygons.length} polygon${repair.polygons.length > 1 ? 's' : ''})`,
  );
  return repair.polygons;
}
