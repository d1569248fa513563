import type { NetworkDef } from '../state/types';

/**
 * The same networks in the same order under the same names and ids: what lists of names show does
 * not change (a paint click may recolour networks, never rename or reorder them).
 */
export function sameNames(a: readonly NetworkDef[], b: readonly NetworkDef[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id || a[i].name !== b[i].name) return false;
  return true;
}
