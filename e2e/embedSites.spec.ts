/**
 * Embeds on another site, where the browser blocks storage in third-party frames (Debian Chromium's
 * headless default): the host page on 127.0.0.1, the tool on 127.0.0.2, both real loopback servers.
 */
import { expect, test, type Page } from '@playwright/test';
import { startStaticHost, type StaticHost } from './staticHost';

const port = Number(process.env.E2E_PORT ?? 4173) + 2;
const SMALL = 'n=300&ntest=100&iters=3';
let host: StaticHost;

test.beforeAll(async () => {
  const app = `http://127.0.0.2:${port}/blog/rfm/`;
  host = await startStaticHost(
    port,
    process.env.E2E_DIST ?? 'dist',
    {
      iframe: `<!doctype html><html><body style="margin: 0">
      <iframe data-rfm-explorer id="figure" src="${app}?embed&${SMALL}" width="700" height="600" style="border: 0"></iframe>
      <script src="${app}embed.js" defer></script></body></html>`,
    },
    { crossSite: true },
  );
});

test.afterAll(async () => host.close());

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
