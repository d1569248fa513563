// `npm run build:cli` (also run by `prepare` on every `npm install`/`npm ci`): bundles the
// command line into one plain JavaScript file, dist-cli/pcn.js, so `pcn` starts without
// compiling TypeScript (about 70 ms for `--help` instead of about 1 s through tsx).
// Usage: node scripts/build-cli.mjs [OUTDIR]   (default dist-cli beside package.json)
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist-cli'));
const outfile = path.join(outdir, 'pcn.js');

await build({
  entryPoints: [path.join(root, 'src/cli/bin.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS dependencies (papaparse) may call require(); give the ES module one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __pcnCreateRequire } from 'node:module';\nconst require = __pcnCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
