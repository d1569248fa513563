// Serves the built app (dist/, from `vite build`) with `vite preview` on a free port and finds
// Debian's Chromium, for every browser test file. Tests get both through `inject`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  if (!existsSync(path.join(root, 'dist/index.html'))) {
    throw new Error(
      'dist/ is missing: the browser tests run against the built app (`npm run test:browser` builds it first).',
    );
  }
  const chromiumPath = findChromium();
  server = await preview({
    root,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report its port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('chromiumPath', chromiumPath);
}

export async function teardown() {
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
}
