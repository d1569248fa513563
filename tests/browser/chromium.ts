// The Chromium the browser tests and the browser benchmark drive through playwright-core.
import { existsSync } from 'node:fs';

/**
 * Chromium's switches for the browser tests and the browser benchmark: headless, no network
 * services, WebGL in SwiftShader. Compositing is the caller's choice (`--disable-gpu` or not).
 */
export const CHROMIUM_SWITCHES = [
  '--headless=new',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests: run `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.',
    );
  }
  return found;
}
