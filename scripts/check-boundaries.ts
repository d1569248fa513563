// The layering of src/ as a check run by `npm run lint` (and by the unit suite):
// core <- state <- {map, ui} <- main.tsx; workers and cli call core only; only src/map touches
// MapLibre and terra-draw. Type-only imports count too: a layer that must not know another does not
// name its types either. Prints each import against the layering and exits 1 if there is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const LAYERS = ['core', 'state', 'map', 'ui', 'workers', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

const DOM_AND_VIEW = ['preact', 'maplibre-gl', 'terra-draw', 'zustand', 'idb-keyval', 'node:'];
const MAP_LIBS = ['maplibre-gl', 'terra-draw'];

/** For each layer: packages it may not import (prefix match) and the src folders it may import. */
const RULES: Record<Layer, { packages: string[]; layers: Layer[] }> = {
  core: { packages: DOM_AND_VIEW, layers: ['core'] },
  state: { packages: ['preact', ...MAP_LIBS, 'node:'], layers: ['core', 'state'] },
  map: { packages: ['preact', 'node:'], layers: ['core', 'state', 'map'] },
  ui: { packages: [...MAP_LIBS, 'node:'], layers: ['core', 'state', 'ui', 'workers'] },
  workers: { packages: DOM_AND_VIEW, layers: ['core', 'workers'] },
  cli: { packages: ['preact', ...MAP_LIBS, 'zustand', 'idb-keyval'], layers: ['core', 'cli'] },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every module specifier in a file: static imports and re-exports, dynamic import(), worker URLs. */
export function specifiersOf(text: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
}

function layerOf(file: string): Layer | null {
  const top = path.relative(SRC, file).split(path.sep)[0];
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : null;
}

export function boundaryViolations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const layer = layerOf(file);
    if (!layer) continue;
    const rule = RULES[layer];
    const where = path.relative(SRC, file);
    for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), spec));
        if (target === null) found.push(`src/${where} imports '${spec}', outside the layers`);
        else if (!rule.layers.includes(target)) found.push(`src/${where} (${layer}) imports '${spec}' from ${target}`);
      } else if (
        rule.packages.some(
          (p) => spec === p || spec.startsWith(p.endsWith(':') ? p : `${p}/`) || spec.startsWith(`${p}-`),
        )
      ) {
        found.push(`src/${where} (${layer}) imports the package '${spec}'`);
      }
    }
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = boundaryViolations();
  for (const line of found) console.error(line);
  if (found.length > 0) {
    console.error(`${found.length} import(s) against the layering (see ARCHITECTURE.md, The layers)`);
    process.exit(1);
  }
}
