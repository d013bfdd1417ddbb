#!/usr/bin/env node
/**
 * Times one ConvRFM iteration (docs/convrfm.md) in Node on the tfjs wasm backend, beside the same iteration in
 * numpy float32 (scripts/convrfm_bench_native.py) on the very same digits: kernel, solve, predictions on train
 * and test, patch AGOP and update. Reports the median wall and CPU seconds per iteration and the ratio.
 * With --browser, also in the app itself in headless Chromium on wasm (src/bench/runner/convBrowser.ts:
 * `vite preview` of a build, threads through its COOP/COEP headers), with its ratio to numpy.
 *
 *   node scripts/convrfm-bench.mjs [n] [side] [patch] [nTest] [repeats] [--browser[=outDir]]
 *   node scripts/convrfm-bench.mjs 500 14 3 500 3 --browser=dist     (build first: npx vite build)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const args = process.argv.slice(2);
const browserFlag = args.find((a) => a === '--browser' || a.startsWith('--browser='));
const browserDist = browserFlag === undefined ? null : browserFlag.includes('=') ? browserFlag.split('=')[1] : 'dist';
const [n = 500, side = 14, patch = 3, nTest = 500, repeats = 3] = args.filter((a) => !a.startsWith('--')).map(Number);
const tf = await import('@tensorflow/tfjs');
await import('@tensorflow/tfjs-backend-wasm');
const { loadDigitsDataset } = await tsImport('../src/data/sources/digits.ts', import.meta.url);
const { trainConvRfm } = await tsImport('../src/core/conv/convRfm.ts', import.meta.url);

tf.enableProdMode();
await tf.setBackend('wasm');
await tf.ready();
const data = await loadDigitsDataset({ px: side, nTrain: n, nTest, seed: 1, task: 'classification' });
const options = {
  image: { height: side, width: side, channels: 1 },
  patch,
  kernel: 'gaussian',
  bandwidth: 1,
  ridge: 1e-3,
  iterations: repeats,
};

// Iteration t >= 1 costs the AGOP that made its M plus its own kernel, solve and predictions.
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const walls = [];
const cpus = [];
const phases = [];
let clock = performance.now();
let cpu = process.cpuUsage();
for await (const record of trainConvRfm(data, options)) {
  const { user, system } = process.cpuUsage(cpu);
  if (record.iteration > 0) {
    walls.push((performance.now() - clock) / 1000);
    cpus.push((user + system) / 1e6);
    phases.push(record.timings);
  }
  clock = performance.now();
  cpu = process.cpuUsage();
}
const phaseText = (get) => ['kernel', 'solve', 'predict', 'agop'].map((k) => `${k} ${get(k).toFixed(2)}`).join(', ');
const wasm = { wall: median(walls), cpu: median(cpus) };
const positions = (side - patch + 1) ** 2;
console.log(
  `ConvRFM, ${n} digits of ${side} x ${side}, ${patch} x ${patch} patches (P = ${positions}), ${nTest} test images`,
);
console.log(
  `tfjs wasm (Node, one thread): ${wasm.wall.toFixed(2)} s wall, ${wasm.cpu.toFixed(2)} s CPU per iteration ` +
    `(median of ${walls.length}; ${phaseText((k) => median(phases.map((t) => t[k])) / 1000)} s)`,
);

const dir = mkdtempSync(join(tmpdir(), 'convrfm-bench-'));
try {
  writeFileSync(
    join(dir, 'meta.json'),
    JSON.stringify({ n, nTest, c: data.c, side, patch, bandwidth: 1, ridge: 1e-3 }),
  );
  for (const [name, values] of [
    ['xTrain.f32', data.xTrain],
    ['yTrain.f32', data.yTrain],
    ['xTest.f32', data.xTest],
  ])
    writeFileSync(join(dir, name), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  const script = new URL('./convrfm_bench_native.py', import.meta.url).pathname;
  const native = JSON.parse(
    execFileSync('python3', [script, '--data', dir, '--repeats', String(repeats)], { encoding: 'utf8' }),
  );
  console.log(
    `numpy float32 ${native.numpy} (BLAS threads: ${native.threads}): ${native.wall_s.toFixed(2)} s wall, ` +
      `${native.cpu_s.toFixed(2)} s CPU per iteration (${phaseText((k) => native.phases_s[k])} s)`,
  );
  console.log(
    `ratio wasm / numpy: ${(wasm.wall / native.wall_s).toFixed(2)} (wall), ${(wasm.cpu / native.cpu_s).toFixed(2)} (CPU)`,
  );
  if (browserDist !== null) {
    const { findBrowser } = await import('./findBrowser.mjs');
    const { timeConvInBrowser, stopAll } = await tsImport('../src/bench/runner/convBrowser.ts', import.meta.url);
    process.on('exit', stopAll);
    const browser = await timeConvInBrowser({
      outDir: browserDist,
      executablePath: await findBrowser(),
      n,
      nTest,
      side,
      patch,
      iterations: repeats,
    });
    const seconds = browser.ms / 1000;
    const cpuText =
      browser.cpuSeconds === null ? 'CPU not measured' : `${browser.cpuSeconds.toFixed(2)} s CPU (all of Chromium)`;
    console.log(
      `tfjs ${browser.backend} in Chromium (the app's worker, ${browser.backendText}): ${seconds.toFixed(2)} s wall per iteration ` +
        `(median of ${repeats}), ${cpuText}; ${seconds < 2 ? 'under' : 'over'} the 2 s target in wall time`,
    );
    const phases = ['kernel', 'solve', 'predict', 'agop'].map((k) => `${k} ${(browser.phasesMs[k] / 1000).toFixed(2)}`);
    console.log(`  browser phases (median, s): ${phases.join(', ')}`);
    const threads = browser.threads.slice(0, 8).map(([name, s]) => `${name} ${s.toFixed(2)}`);
    console.log(`  browser CPU s per iteration by thread: ${threads.join('; ')}`);
    console.log(
      `ratio browser / numpy: ${(seconds / native.wall_s).toFixed(2)} (wall)` +
        (browser.cpuSeconds === null ? '' : `, ${(browser.cpuSeconds / native.cpu_s).toFixed(2)} (CPU)`),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
