/**
 * The browser side of `npm run bench:conv` (scripts/convrfm-bench.mjs): one ConvRFM iteration timed in the app
 * itself, in headless Chromium on the wasm backend (its worker, with threads where the preview server's
 * COOP/COEP headers allow). It opens the convrfm preset at the bench's size with no second layer and reads the
 * median iteration time the accuracy panel shows (components/views/conv/convChartData.ts, iterationTime).
 */
import { launchChromium, startPreview } from './browser';
import { readFileSync } from 'node:fs';
import { descendantCpuSeconds, descendantThreadCpuSeconds } from './processCpu';
import { stopAll } from './processes';

export { stopAll };

export interface ConvBrowserTiming {
  /** Median ms of iterations 1..T: kernel, solve, predictions and the AGOP update that made its M. */
  ms: number;
  backend: string;
  /**
   * CPU seconds per iteration of the whole Chromium (the worker's threads and the page) over iterations
   * 2..T (from record 1 to record T); null where /proc is not readable.
   */
  cpuSeconds: number | null;
  /** What the app's backend panel says of the wasm threads: '(threads)' or '(1 thread)'. */
  backendText: string;
  /** Wall seconds per iteration in the window of cpuSeconds, as the page sees the records arrive. */
  recordWallSeconds: number;
  /** ms of each of iterations 1..T (all phases). */
  iterationsMs: number[];
  /** Median ms per phase of iterations 1..T (kernel, solve, predict, agop), from the run's Download JSON. */
  phasesMs: Record<string, number>;
  /** CPU seconds per iteration by Chromium thread (`pid name`), largest first; empty where /proc is not readable. */
  threads: [string, number][];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Per-thread CPU between two snapshots, per iteration, largest first (threads under 0.01 s left out). */
function threadDelta(
  first: Map<string, number> | null,
  last: Map<string, number> | null,
  iterations: number,
): [string, number][] {
  if (!first || !last) return [];
  return [...last]
    .map(([key, seconds]): [string, number] => [key, (seconds - (first.get(key) ?? 0)) / iterations])
    .filter(([, seconds]) => seconds >= 0.01)
    .sort((a, b) => b[1] - a[1]);
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
  if (options.iterations < 2) throw new Error('the browser bench needs at least 2 iterations (its CPU window is 2..T)');
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
    // The scrubber's max is the number of ConvRFM records less one, but 0 also before the first record (it
    // shows as soon as the run starts): so the CPU window runs from record 1 to record T, iterations 2..T,
    // and leaves out the start (dataset, first render) and iteration 0, which an earlier window counted.
    const scrubberAtLeast = (max: number) =>
      page.waitForFunction(
        (m) => Number(document.querySelector('[data-testid="conv-filters-scrubber"]')?.getAttribute('max') ?? -1) >= m,
        max,
        { timeout: 900_000, polling: 100 },
      );
    const cpu = () => descendantCpuSeconds(process.pid, /chrom/i);
    const threadCpu = () => descendantThreadCpuSeconds(process.pid, /chrom/i);
    const counted = options.iterations - 1;
    await scrubberAtLeast(1);
    const first = cpu();
    const firstThreads = threadCpu();
    const firstWall = performance.now();
    await scrubberAtLeast(options.iterations);
    const last = cpu();
    const lastThreads = threadCpu();
    const recordWallSeconds = (performance.now() - firstWall) / 1000 / counted;
    await page.locator('[data-run-state="finished"]').first().waitFor({ timeout: 900_000 });
    const time = page.getByTestId('conv-iteration-time');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      iterations: { timings_ms: Record<string, number> }[];
    };
    const later = json.iterations.slice(1);
    const phasesMs = Object.fromEntries(
      ['kernel', 'solve', 'predict', 'agop'].map((phase) => [phase, median(later.map((i) => i.timings_ms[phase]!))]),
    );
    return {
      recordWallSeconds,
      iterationsMs: later.map((i) => Object.values(i.timings_ms).reduce((a, b) => a + b, 0)),
      phasesMs,
      threads: threadDelta(firstThreads, lastThreads, counted),
      ms: Number(await time.getAttribute('data-ms')),
      backend: (await time.getAttribute('data-backend')) ?? '',
      cpuSeconds: first === null || last === null ? null : (last - first) / counted,
      backendText: /\((threads|1 thread)\)/.exec((await page.getByTestId('backend').textContent()) ?? '')?.[0] ?? '',
    };
  } finally {
    await browser.close();
    stopAll();
  }
}
