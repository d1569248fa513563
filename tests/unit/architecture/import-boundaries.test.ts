// The layering check (scripts/check-boundaries.ts, run by `npm run lint`) inside the unit suite too,
// so landing a branch fails on an import against it.
import { describe, expect, it } from 'vitest';
import { boundaryViolations, specifiersOf } from '../../../scripts/check-boundaries';

describe('import boundaries', () => {
  it('every layer imports only what the layering allows', () => {
    expect(boundaryViolations()).toEqual([]);
  });

  it('finds the specifiers the rules look at', () => {
    const text = [
      "import { a,\n  b } from '../map/modes';",
      "import type { T } from 'preact';",
      "export { c } from './c';",
      "import 'maplibre-gl/dist/maplibre-gl.css';",
      "const m = await import('terra-draw');",
      "new Worker(new URL('../workers/w.ts', import.meta.url));",
      "const s = 'import nothing from here';",
    ].join('\n');
    expect(specifiersOf(text).sort()).toEqual(
      ['../map/modes', '../workers/w.ts', './c', 'maplibre-gl/dist/maplibre-gl.css', 'preact', 'terra-draw'].sort(),
    );
  });
});
