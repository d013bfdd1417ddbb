/**
 * The browser side of `npm run bench:conv` (scripts/convrfm-bench.mjs): one ConvRFM iteration timed in the app
 * itself, in headless Chromium on the wasm backend (its worker, with threads where the preview server's
 * COOP/COEP headers allow). It opens the convrfm preset at the bench's size with no second layer and reads the
 * median iteration time the accuracy panel shows (components/views/conv/convChartData.ts, iterationTime).
 */
import { launchChromium, startPreview } from './browser';
import { stopAll } from './processes';

export { stopAll };

export interface ConvBrowserTiming {
  /** Median ms of iterations 1..T: kernel, solve, predictions and the AGOP update that made its M. */
  ms: number;
  backend: string;
  /** What the app's backend panel says of the wasm threads: '(threads)' or '(1 thread)'. */
  backendText: string;
}

export async function timeConvInBrowser(options: {
  outDir: string;
  executablePath: string;
  n: number;
  nTest: number;
  side: number;
  patch: number;
  iterations: number;
}): Promise<ConvBrowserTiming> {
  const base = await startPreview(options.outDir);
  const browser = await launchChromium(options.executablePath);
  try {
    const page = await browser.newPage();
    const query = new URLSearchParams({
      preset: 'convrfm',
      n: String(options.n),
      ntest: String(options.nTest),
      px: String(options.side),
      patch: String(options.patch),
      iters: String(options.iterations),
      deep: '0',
      backend: 'wasm',
    });
    await page.goto(`${base}/?${query}`, { timeout: 60_000 });
    await page.locator('[data-run-state="finished"]').first().waitFor({ timeout: 900_000 });
    const time = page.getByTestId('conv-iteration-time');
    return {
      ms: Number(await time.getAttribute('data-ms')),
      backend: (await time.getAttribute('data-backend')) ?? '',
      backendText: /\((threads|1 thread)\)/.exec((await page.getByTestId('backend').textContent()) ?? '')?.[0] ?? '',
    };
  } finally {
    await browser.close();
    stopAll();
  }
}
