#!/usr/bin/env node
/**
 * Times Deep RFM (docs/deeprfm.md) at the size of the issue: n = 500 digits (50 per class), d = 784,
 * width 512, 6 layers, the AGOP stack and the control, in Node on the tfjs wasm backend (the engine of
 * src/core/deep, loaded through tsx) and in numpy float32 (scripts/deeprfm_reference.py --float32, the
 * same images and random layers, OPENBLAS_NUM_THREADS=1 unless set). Prints wall and CPU seconds and the
 * ratios; writes bench-results/deeprfm.json. Separate from npm run bench (scripts/bench.mjs), whose cases
 * are RFM iterations.
 *
 * With --browser DIST (a `vite build` output), the app's neural-collapse preset at the same size also runs
 * in headless Chromium on wasm, served with COOP/COEP (threaded wasm) by e2e/staticServer.mjs: the time
 * from the worker's deepStarted event (the `rfm-run-started` mark, after the digits are loaded) to the
 * finished run (`rfm-run-finished`), and from navigation to it. --skip-node leaves out the Node run.
 *
 *   node scripts/bench-deeprfm.mjs [--per-class 50] [--width 512] [--depth 6] [--repeats 1] [--backend wasm]
 *   node scripts/bench-deeprfm.mjs --browser dist --skip-node
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({
  options: {
    'per-class': { type: 'string', default: '50' },
    width: { type: 'string', default: '512' },
    depth: { type: 'string', default: '6' },
    repeats: { type: 'string', default: '1' },
    backend: { type: 'string', default: 'wasm' },
    browser: { type: 'string' },
    'skip-node': { type: 'boolean', default: false },
  },
});
const perClass = Number(values['per-class']);
const width = Number(values.width);
const depth = Number(values.depth);
const repeats = Number(values.repeats);

const { activateBackend } = await tsImport('../src/cli/backend.ts', import.meta.url);
const { trainDeepRfm } = await tsImport('../src/core/deep/deepRfm.ts', import.meta.url);
const { loadBalancedDigits } = await tsImport('../src/data/sources/balancedDigits.ts', import.meta.url);

const backend = await activateBackend(values.backend);
const data = await loadBalancedDigits(perClass, 1);
const options = { depth, width, bandwidth: 2, ridge: 1e-3, seed: 1 };
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const engine = [];
let lastNc1 = null;
for (let r = 0; r < (values['skip-node'] ? 0 : repeats); r++) {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for await (const record of trainDeepRfm(data, options)) {
    if (record.stack === 'agop' && record.layer === depth) lastNc1 = record.collapse.next.nc1;
  }
  const cpu = process.cpuUsage(cpu0);
  engine.push({ wall_s: (performance.now() - wall0) / 1000, cpu_s: (cpu.user + cpu.system) / 1e6 });
}

/** CPU seconds (user + system) of every live process below this one: the browser Playwright started. */
function descendantCpuSeconds() {
  const ticks = 100; // USER_HZ on Linux
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      children.set(Number(entry), { parent: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while being read
    }
  }
  let total = 0;
  const below = (pid) => {
    for (const [child, info] of children)
      if (info.parent === pid) {
        total += info.cpu;
        below(child);
      }
  };
  below(process.pid);
  return total / ticks;
}

/** The app's preset in Chromium: ms from the run's start mark to its finish mark, and from navigation. */
async function browserRuns(dist) {
  const { chromium } = await import('@playwright/test');
  const { startStaticServer } = await import('../e2e/staticServer.mjs');
  const { CHROMIUM_ARGS } = await import('./chromiumArgs.mjs');
  const { findBrowser } = await import('./findBrowser.mjs');
  const port = 4390 + Math.floor(Math.random() * 500);
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const server = await startStaticServer({ root: dist, port, headers });
  const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS });
  const runs = [];
  try {
    for (let r = 0; r < repeats; r++) {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
      const cpu0 = descendantCpuSeconds();
      const query = `preset=neural-collapse&backend=wasm&n=${10 * perClass}&rwidth=${width}&depth=${depth}`;
      await page.goto(`http://127.0.0.1:${port}/?${query}`);
      // CPU from here on is the run's own (the page, the wasm backend and the digits have loaded).
      await page.waitForFunction(() => performance.getEntriesByName('rfm-run-started').length > 0, null, {
        timeout: 600_000,
        polling: 50,
      });
      const cpuStarted = descendantCpuSeconds();
      await page.waitForSelector('[data-run-state=finished]', { timeout: 600_000 });
      const times = await page.evaluate(() => {
        const mark = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
        return {
          started: mark('rfm-run-started'),
          finished: mark('rfm-run-finished'),
          isolated: globalThis.crossOriginIsolated,
        };
      });
      const cpu_s = descendantCpuSeconds() - cpu0;
      const caption = await page.getByTestId('collapse-caption').innerText();
      runs.push({
        run_s: (times.finished - times.started) / 1000,
        from_navigation_s: times.finished / 1000,
        browser_cpu_s: cpu_s,
        run_cpu_s: descendantCpuSeconds() - cpuStarted,
        threads: times.isolated,
        caption,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return runs;
}
const browser = values.browser ? await browserRuns(values.browser) : [];

const env = { ...process.env, OPENBLAS_NUM_THREADS: process.env.OPENBLAS_NUM_THREADS ?? '1' };
const args = ['scripts/deeprfm_reference.py', 'digits', '--float32', '--per-class', `${perClass}`];
args.push('--width', `${width}`, '--depth', `${depth}`, '--seed', '1');
const numpy = [];
for (let r = 0; r < repeats; r++) {
  const out = execFileSync('python3', args, { env, encoding: 'utf8' });
  const last = JSON.parse(out.trim().split('\n').at(-1));
  numpy.push({ wall_s: last.seconds, cpu_s: last.cpu_seconds });
}

const result = {
  case: { n: data.n, d: data.d, width, depth, classes: data.classes },
  backend: `node ${backend}`,
  engine: { wall_s: median(engine.map((e) => e.wall_s)), cpu_s: median(engine.map((e) => e.cpu_s)), runs: engine },
  browser: browser.length
    ? {
        backend: 'chromium wasm',
        run_s: median(browser.map((b) => b.run_s)),
        cpu_s: median(browser.map((b) => b.browser_cpu_s)),
        run_cpu_s: median(browser.map((b) => b.run_cpu_s)),
        runs: browser,
      }
    : null,
  numpy_float32: {
    wall_s: median(numpy.map((e) => e.wall_s)),
    cpu_s: median(numpy.map((e) => e.cpu_s)),
    openblas_threads: env.OPENBLAS_NUM_THREADS,
    runs: numpy,
  },
  nc1_output: lastNc1,
};
result.ratio_wall = result.engine.wall_s / result.numpy_float32.wall_s;
result.ratio_browser_wall = result.browser ? result.browser.run_s / result.numpy_float32.wall_s : null;
result.ratio_browser_cpu = result.browser ? result.browser.run_cpu_s / result.numpy_float32.cpu_s : null;
result.ratio_cpu = result.engine.cpu_s / result.numpy_float32.cpu_s;
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/deeprfm.json', `${JSON.stringify(result, null, 2)}\n`);
const fixed = (v, digits = 2) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '-');
console.log(
  `Deep RFM n = ${data.n}, d = ${data.d}, width ${width}, ${depth} layers (both stacks): ` +
    `node ${backend} ${fixed(result.engine.wall_s)} s wall, ${fixed(result.engine.cpu_s)} s CPU; ` +
    `numpy float32 ${fixed(result.numpy_float32.wall_s)} s wall, ${fixed(result.numpy_float32.cpu_s)} s CPU; ` +
    `ratio ${fixed(result.ratio_wall, 1)}x wall, ${fixed(result.ratio_cpu, 1)}x CPU`,
);
if (result.browser)
  console.log(
    `browser (chromium wasm, threads ${result.browser.runs[0].threads}): ${fixed(result.browser.run_s)} s from the run's start to its end ` +
      `(${fixed(result.browser.runs[0].from_navigation_s)} s from navigation); browser CPU ${fixed(result.browser.run_cpu_s)} s in the run ` +
      `(${fixed(result.browser.cpu_s)} s from navigation); ` +
      `${fixed(result.ratio_browser_wall, 1)}x numpy float32's wall time, ${fixed(result.ratio_browser_cpu, 1)}x its CPU time. ` +
      result.browser.runs[0].caption,
  );
