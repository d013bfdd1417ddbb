/**
 * Embeds on another site, where the browser blocks storage in third-party frames (Debian Chromium's
 * headless default): the host page on 127.0.0.1, the tool on 127.0.0.2, both real loopback servers.
 */
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../scripts/chromiumArgs.mjs';
import { startStaticHost, type StaticHost } from './staticHost';

// The full Chromium (the other specs run in its headless shell, which does not block that storage).
test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH || undefined, args: [...CHROMIUM_ARGS] } });

const port = Number(process.env.E2E_PORT ?? 4173) + 2;
const SMALL = 'n=300&ntest=100&iters=3';
let host: StaticHost;
/** The same build on a host that sends no CORS headers (pages added by the tests). */
let bare: StaticHost;
const barePages: Record<string, string> = {};

test.beforeAll(async () => {
  const app = `http://127.0.0.2:${port}/blog/rfm/`;
  host = await startStaticHost(
    port,
    process.env.E2E_DIST ?? 'dist',
    {
      iframe: `<!doctype html><html><body style="margin: 0">
      <iframe data-rfm-explorer id="figure" src="${app}?embed&${SMALL}" width="700" height="600" style="border: 0"></iframe>
      <script src="${app}embed.js" defer></script></body></html>`,
      far: `<!doctype html><html><head><script type="module" src="${app}rfm-explorer.js"></script></head>
      <body style="margin: 0"><p>An article; its figure is far below the fold.</p>
      <div id="text" style="height: 6000px"></div>
      <rfm-explorer id="far" preset="seed" ${SMALL.replace(/&/g, ' ')} panels="m,error"></rfm-explorer>
      </body></html>`,
    },
    { crossSite: true },
  );
  bare = await startStaticHost(port + 10, process.env.E2E_DIST ?? 'dist', barePages, { crossSite: true, cors: false });
});

test.afterAll(async () => Promise.all([host.close(), bare.close()]));

/** Every uncaught error and unhandled rejection of the page and its frames, and errors their workers log. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('worker', (worker) =>
    worker.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`)),
  );
  return errors;
}

test('a cross-site embed with storage blocked throws nothing, and a worker that dies there is noticed', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(host.hostUrl('iframe'));
  const frame = page.frameLocator('#figure');
  const status = frame.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-status', 'finished');
  // Storage is blocked in the frame (the premise of this test).
  const embed = page.frames().find((f) => f.url().startsWith('http://127.0.0.2'))!;
  expect(
    await embed.evaluate(() =>
      navigator.locks.query().then(
        () => 'granted',
        (e: Error) => e.name,
      ),
    ),
  ).toBe('SecurityError');
  await frame.getByTestId('reset').click();
  await expect(status).toHaveAttribute('data-records', '0');
  await frame.getByTestId('step').click();
  await expect(status).toHaveAttribute('data-status', 'paused');
  await expect(status).toHaveAttribute('data-records', '1');
  const worker = page.workers().find((w) => w.url().includes('trainingWorker'));
  expect(worker).toBeDefined();
  await worker!.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => {});
  await expect(frame.getByTestId('error-banner')).toContainText('the training worker stopped without a word', {
    timeout: 15_000,
  });
  await expect(status).toHaveAttribute('data-status', 'failed');
  await frame.getByTestId('play').click();
  await expect(status).toHaveAttribute('data-status', 'finished');
  await expect(status).toHaveAttribute('data-records', '4');
  expect(errors).toEqual([]);
});

test('an element far below the fold downloads nothing of the app until it nears the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  const app: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('http://127.0.0.2') && !url.endsWith('/rfm-explorer.js')) app.push(url);
  });
  await page.goto(host.hostUrl('far'), { waitUntil: 'load' });
  const far = page.locator('#far');
  await expect(far).toHaveAttribute('data-run-state', 'idle');
  // Two frames after load the element has been laid out and its observer has run: still nothing requested.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(app).toEqual([]); // before: the embed's page, its scripts and the wasm, all before the load event
  expect(await far.locator('iframe').getAttribute('src')).toBeNull();

  // Scrolled to within a screen of it (still out of view), it loads; on screen, it trains.
  await page.evaluate(() => window.scrollTo(0, 6000 - 2 * 800 + 100));
  await expect(far.locator('iframe')).toHaveAttribute('src', /\?embed=1&preset=seed/);
  await expect.poll(() => app.some((url) => url.includes('?embed=1'))).toBe(true);
  await far.scrollIntoViewIfNeeded();
  await expect(far).toHaveAttribute('data-run-state', 'finished');
});

test('the element snippet says what is wrong, in the element, when the host does not allow the script', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  // The snippet as the Share dialog writes it, for the build on the host without CORS headers.
  await page.goto(`${bare.appUrl}?${SMALL}`);
  await page.getByRole('button', { name: 'Share' }).click();
  const snippet = await page.getByRole('textbox', { name: 'custom element snippet' }).inputValue();
  expect(snippet).toContain(`${bare.appUrl}rfm-explorer.js`);
  barePages.nocors = `<!doctype html><html><body style="margin: 0; width: 700px">${snippet}</body></html>`;
  // The same snippet for a host that sends them.
  barePages.cors = barePages.nocors.replaceAll(bare.appUrl, host.appUrl);

  await page.goto(bare.hostUrl('nocors'));
  const element = page.locator('rfm-explorer');
  // Before: no text, and the element an empty 0 px box.
  await expect(element).toContainText(`${bare.appUrl}rfm-explorer.js`);
  await expect(element).toContainText('Access-Control-Allow-Origin: *');
  expect((await element.boundingBox())!.height).toBeGreaterThan(0);
  await page.screenshot({ path: `${test.info().outputDir}/no-cors.png` });

  await page.goto(bare.hostUrl('cors'));
  await expect(element).toHaveAttribute('data-run-state', 'finished');
  // Defined, the element renders its shadow root (no slot): the fallback text is not drawn.
  expect(await element.evaluate((el) => (el as HTMLElement).innerText)).toBe('');
  await page.screenshot({ path: `${test.info().outputDir}/cors.png` });
});
