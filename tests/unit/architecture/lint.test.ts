// `npm run lint` (Biome's linter, knip) as a unit test too, so the land script, which runs the unit
// tests, refuses a change that would leave `npm test` failing at its lint step.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * Functions allowed past Biome's 120-line limit (complexity/noExcessiveLinesPerFunction), each
 * marked in place with a biome-ignore comment. The list may only shrink: a function split below the
 * limit leaves an unused suppression, which Biome reports, and then its entry here is stale.
 * Keyed `file: function`; the store's body is the callback it passes to zustand's `createStore`.
 */
const LONG_FUNCTIONS: string[] = [];

const SUPPRESSION = 'biome-ignore lint/complexity/noExcessiveLinesPerFunction';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** `file: name` for each suppression, the name read from the line it precedes. */
function suppressedFunctions(): string[] {
  const found: string[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('scripts')]) {
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.includes(SUPPRESSION)) return;
      const next = lines[i + 1] ?? '';
      const name = /function\s+(\w+)/.exec(next)?.[1] ?? /(\w+)\s*(?:<[^>]*>)?\(/.exec(next)?.[1] ?? next.trim();
      found.push(`${file.split(path.sep).join('/')}: ${name}`);
    });
  }
  return found.sort();
}

describe('function length', () => {
  it('only the listed functions are allowed past 120 lines, and each listed one still is', () => {
    expect(suppressedFunctions()).toEqual([...LONG_FUNCTIONS].sort());
  });
});
