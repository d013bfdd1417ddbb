/**
 * Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, a system Chromium, or Playwright's own
 * download (installed on demand where the network allows). Prints a clear message when none is possible.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Chromium's headless shell (Debian's `chromium-headless-shell`, the same Blink and V8 without the browser's
 * UI layer), for the end-to-end tests but one (playwright.config.ts): e2e/a11y.spec.ts alone took 116 CPU-s
 * there against 128 in the full browser (fresh pages of the app, 8 at a time: 2.25 against 2.6-3.3 CPU-s
 * each), the 21 trained tests of eight specs 134.6 against 160.9. null where there is none: the tests then
 * run in the Chromium of findBrowser. $CHROMIUM_HEADLESS_SHELL names one ('' for none).
 */
export function findHeadlessShell() {
  const fromEnv = process.env.CHROMIUM_HEADLESS_SHELL;
  if (fromEnv !== undefined) return fromEnv && existsSync(fromEnv) ? fromEnv : null;
  return existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : null;
}

export async function findBrowser({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`);
  }
  for (const path of SYSTEM_PATHS) if (existsSync(path)) return path;
  const bundled = await playwrightChromium();
  if (bundled) return bundled;
  if (install) {
    console.error('No Chromium found; trying `npx playwright install chromium` ...');
    try {
      execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
      const installed = await playwrightChromium();
      if (installed) return installed;
    } catch {
      // fall through to the message below
    }
  }
  throw new Error(
    'No Chromium for the end-to-end tests. Install one: `apt-get install -y chromium` (Debian/Ubuntu), ' +
      '`npx playwright install chromium` (needs internet), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  findBrowser()
    .then((path) => console.log(path))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
