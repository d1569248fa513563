// Comments and help texts point readers to README sections by name (`see README "Output schema"`);
// each name must be a heading of README.md, so a renamed section cannot leave a pointer dangling.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('README pointers', () => {
  it('every README "Section" named in src, scripts or tests is a README heading', () => {
    const headings = readFileSync(path.join(root, 'README.md'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .map((l) => l.replace(/^#+\s*/, ''));
    const pointers: string[] = [];
    const dangling: string[] = [];
    const self = fileURLToPath(import.meta.url);
    for (const file of [...files('src'), ...files('scripts'), ...files('tests')]) {
      if (file === self) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/README "([^"]+)"/g)) {
        const name = m[1]!;
        pointers.push(name);
        if (!headings.some((h) => h.startsWith(name))) dangling.push(`${path.relative(root, file)}: "${name}"`);
      }
    }
    expect(pointers.length).toBeGreaterThan(0);
    expect(dangling).toEqual([]);
  });
});
