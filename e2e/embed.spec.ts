/**
 * The explorer away from localhost: the built folder on a plain static host (no COOP/COEP, under a
 * sub-path), an iframe on a host page of another origin sized by embed.js, and <rfm-explorer> elements.
 * Runs are CI-sized (n = 300, two iterations) and every wait is on `data-run-state`.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { startStaticHost, type StaticHost } from './staticHost';

const port = Number(process.env.E2E_PORT ?? 4173) + 1;
const SMALL = 'n=300&ntest=100&iters=2';
let host: StaticHost;

const runState = (frame: FrameLocator | Page) => frame.locator('[data-run-state]').first();

test.beforeAll(async () => {
  const app = `http://127.0.0.1:${port}/blog/rfm/`;
  host = await startStaticHost(port, process.env.E2E_DIST ?? 'dist', {
    iframe: `<!doctype html><html><body style="margin: 0; font: 16px serif">
      <p>An article about feature learning.</p>
      <iframe data-rfm-explorer id="figure" src="${app}?embed&${SMALL}" width="700" height="600" style="border: 0"></iframe>
      <p>More text after the figure.</p>
      <script src="${app}embed.js" defer></script></body></html>`,
    scroll: `<!doctype html><html><body style="margin: 0">
      <div style="height: 3000px">Scroll down for the figure.</div>
      <iframe data-rfm-explorer id="figure" src="${app}?embed&n=1500&ntest=300&iters=40" width="700" height="600" style="border: 0"></iframe>
      <div style="height: 3000px"></div>
      <script src="${app}embed.js" defer></script></body></html>`,
    element: `<!doctype html><html><head>
      <style>* { color: rgb(255, 0, 0) !important; } .panel { display: none !important; }</style>
      <script type="module" src="${app}rfm-explorer.js"></script></head>
      <body style="margin: 0; width: 700px">
      <rfm-explorer id="first" preset="seed" ${SMALL.replace(/&/g, ' ')} panels="m,error"></rfm-explorer>
      <rfm-explorer id="second" preset="grokking" p="7" frac="0.6" iters="2" l="2" panels="accuracy,ab"></rfm-explorer>
      </body></html>`,
    hostile: `<!doctype html><html><head><script type="module" src="${app}rfm-explorer.js"></script></head>
      <body><rfm-explorer id="long" expr="${'x'.repeat(10 * 1024)}"></rfm-explorer>
      <iframe data-rfm-explorer id="plain" src="about:blank"></iframe>
      <script src="${app}embed.js" defer></script></body></html>`,
  });
});

test.afterAll(async () => host.close());

test('the build trains from a sub-path of a host that sends no special headers, on one wasm thread', async ({
  page,
}) => {
  await page.goto(`${host.appUrl}?${SMALL}`);
  await expect(runState(page)).toHaveAttribute('data-run-state', 'finished');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await expect(page.getByTestId('backend')).toContainText('1 thread');
  await expect(page.getByTestId('backend-reason')).toContainText('not cross-origin isolated');
});

test('an iframe on another origin trains, embed.js sizes it to its content, and the first panel is in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(host.hostUrl('iframe'));
  const frame = page.frameLocator('#figure');
  await expect(runState(frame)).toHaveAttribute('data-run-state', 'finished');
  await expect(frame.getByRole('heading', { name: 'RFM Explorer' })).toHaveCount(0);
  await expect(frame.getByTestId('open-full')).toHaveAttribute('href', /preset|n=300/);

  // embed.js set the iframe's height to the content's, whatever it is (not the 600 of the markup).
  const iframe = page.locator('#figure');
  const content = await frame.locator('.app').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  await expect(iframe).toHaveAttribute('data-rfm-height', String(content));
  const box = (await iframe.boundingBox())!;
  expect(Math.abs(box.height - content)).toBeLessThanOrEqual(1);

  // The first panel (M) sits within the first 600 px of the frame: visible in a 700 x 600 frame.
  const first = frame.locator('[data-panel]').first();
  await expect(first).toHaveAttribute('data-panel', 'm');
  const panel = (await first.locator('.panel').boundingBox())!;
  expect(panel.y + panel.height - box.y).toBeLessThanOrEqual(600);
  expect(panel.width).toBeLessThanOrEqual(700);
});

test('an embed starts training only once it is on screen and pauses when it leaves', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(host.hostUrl('scroll'));
  const frame = page.frameLocator('#figure');
  await expect(frame.getByTestId('run-status')).toBeAttached();
  // Off screen, with the backend ready: it stays idle.
  await expect(frame.locator('.app')).toHaveAttribute('data-backend', 'wasm');
  await expect(runState(frame)).toHaveAttribute('data-run-state', 'idle');
  await page.locator('#figure').scrollIntoViewIfNeeded();
  await expect(runState(frame)).toHaveAttribute('data-run-state', 'running');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(runState(frame)).toHaveAttribute('data-run-state', 'paused');
  await page.locator('#figure').scrollIntoViewIfNeeded();
  await expect(runState(frame)).toHaveAttribute('data-run-state', 'running');
});

test('two <rfm-explorer> elements on another origin train independently, styled only by their shadow roots', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 2400 });
  await page.goto(host.hostUrl('element'));
  const first = page.locator('#first');
  const second = page.locator('#second');
  await expect(first).toHaveAttribute('data-run-state', 'finished');
  await expect(second).toHaveAttribute('data-run-state', 'finished');

  const firstFrame = first.locator('iframe').contentFrame();
  const secondFrame = second.locator('iframe').contentFrame();
  await expect(firstFrame.locator('[data-panel]')).toHaveCount(2);
  await expect(firstFrame.locator('[data-panel="m"] .panel')).toBeVisible(); // the page's CSS does not reach in
  await expect(secondFrame.locator('[data-panel]').first()).toHaveAttribute('data-panel', 'accuracy');
  await expect(firstFrame.getByTestId('metrics-row-2')).toHaveCount(0); // no table unless asked for
  const height = await first.evaluate((el) => el.getBoundingClientRect().height);
  expect(height).not.toBe(600);

  // An attribute change re-runs the element with the new parameters (3 iterations: 4 records).
  await first.evaluate((el) => el.setAttribute('iters', '3'));
  await expect(first).not.toHaveAttribute('data-run-state', 'finished');
  await expect(first).toHaveAttribute('data-run-state', 'finished');
  await expect(firstFrame.getByTestId('run-status')).toHaveAttribute('data-records', '4');
});

test('the embed frame refuses 10 kB attributes with a message and clamps the heights it is sent', async ({ page }) => {
  await page.goto(host.hostUrl('hostile'));
  const long = page.locator('#long');
  await expect(long).toHaveAttribute('data-run-state', 'failed');
  await expect(long.getByRole('alert')).toHaveText(
    /attribute expr is 10240 characters long; values of 10 kB or more are refused/,
  );
  expect(await long.evaluate((el) => el.shadowRoot!.querySelector('iframe')!.hasAttribute('src'))).toBe(false);

  // Heights as a hostile frame could post them: only finite values in (0, 20000] change the size.
  const heights = await page.evaluate(async () => {
    // The refused element's frame has no page (nothing else posts to it); the plain iframe shows about:blank.
    const element = document.querySelector('#long')!.shadowRoot!.querySelector('iframe')!;
    const plain = document.querySelector<HTMLIFrameElement>('#plain')!;
    const out: string[] = [];
    for (const height of [300, 1e9, Infinity, NaN, -50, 0, '400', 250]) {
      for (const frame of [element, plain])
        window.dispatchEvent(
          new MessageEvent('message', { data: { type: 'rfm-explorer:resize', height }, source: frame.contentWindow }),
        );
      await new Promise((r) => setTimeout(r, 0));
      out.push(`${element.style.height}/${plain.style.height}`);
    }
    return out;
  });
  expect(heights).toEqual([
    '300px/300px',
    '20000px/20000px',
    '20000px/20000px',
    '20000px/20000px',
    '20000px/20000px',
    '20000px/20000px',
    '20000px/20000px',
    '250px/250px',
  ]);
});
