// `npm run lint` (Biome's linter, knip) as a unit test too, so the land script, which runs the unit
// tests, refuses a change that would leave `npm test` failing at its lint step.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

function run(command: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('npm run lint', () => {
  it('Biome finds no lint errors or warnings', () => {
    const r = run(bin('biome'), [
      'lint',
      '--diagnostic-level=warn',
      '--error-on-warnings',
      '--max-diagnostics=50',
      '.',
    ]);
    expect(r.status, r.output).toBe(0);
  });

  it('knip finds no unused files, exports or dependencies', () => {
    const r = run(bin('knip'), ['--no-progress']);
    expect(r.status, r.output).toBe(0);
  });
});
