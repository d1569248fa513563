// Paths to hand-made fixtures (in the repo) and the shared real data (beside the repo, never copied in).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue, Result } from '../../../src/core/model';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sharedData = (name: string) => path.resolve(repoRoot, '../shared/data', name);
export const readShared = (name: string) => readFileSync(sharedData(name), 'utf8');
export const readFixture = (name: string) => readFileSync(path.resolve(repoRoot, 'tests/fixtures/io', name), 'utf8');

export const messages = (issues: readonly Issue[]) => issues.map((i) => i.message);

/** The value of an ok result; fails the test with the error messages otherwise. */
export function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got errors:\n${messages(r.errors).join('\n')}`);
  return r.value;
}

/** The errors of a failed result; fails the test if it was ok. */
export function errorsOf<T>(r: Result<T>): string[] {
  if (r.ok) throw new Error('expected errors, got ok');
  return messages(r.errors);
}
