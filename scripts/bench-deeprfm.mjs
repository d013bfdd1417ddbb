#!/usr/bin/env node
/**
 * Times Deep RFM (docs/deeprfm.md) at the size of the issue: n = 500 digits (50 per class), d = 784,
 * width 512, 6 layers, the AGOP stack and the control, in Node on the tfjs wasm backend (the engine of
 * src/core/deep, loaded through tsx) and in numpy float32 (scripts/deeprfm_reference.py --float32, the
 * same images and random layers, OPENBLAS_NUM_THREADS=1 unless set). Prints wall and CPU seconds and the
 * ratios; writes bench-results/deeprfm.json. Separate from npm run bench (scripts/bench.mjs), whose cases
 * are RFM iterations.
 *
 *   node scripts/bench-deeprfm.mjs [--per-class 50] [--width 512] [--depth 6] [--repeats 1] [--backend wasm]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({
  options: {
    'per-class': { type: 'string', default: '50' },
    width: { type: 'string', default: '512' },
    depth: { type: 'string', default: '6' },
    repeats: { type: 'string', default: '1' },
    backend: { type: 'string', default: 'wasm' },
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
for (let r = 0; r < repeats; r++) {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for await (const record of trainDeepRfm(data, options)) {
    if (record.stack === 'agop' && record.layer === depth) lastNc1 = record.collapse.next.nc1;
  }
  const cpu = process.cpuUsage(cpu0);
  engine.push({ wall_s: (performance.now() - wall0) / 1000, cpu_s: (cpu.user + cpu.system) / 1e6 });
}

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
  numpy_float32: {
    wall_s: median(numpy.map((e) => e.wall_s)),
    cpu_s: median(numpy.map((e) => e.cpu_s)),
    openblas_threads: env.OPENBLAS_NUM_THREADS,
    runs: numpy,
  },
  nc1_output: lastNc1,
};
result.ratio_wall = result.engine.wall_s / result.numpy_float32.wall_s;
result.ratio_cpu = result.engine.cpu_s / result.numpy_float32.cpu_s;
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/deeprfm.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `Deep RFM n = ${data.n}, d = ${data.d}, width ${width}, ${depth} layers (both stacks): ` +
    `${backend} ${result.engine.wall_s.toFixed(2)} s wall, ${result.engine.cpu_s.toFixed(2)} s CPU; ` +
    `numpy float32 ${result.numpy_float32.wall_s.toFixed(2)} s wall, ${result.numpy_float32.cpu_s.toFixed(2)} s CPU; ` +
    `ratio ${result.ratio_wall.toFixed(1)}x wall, ${result.ratio_cpu.toFixed(1)}x CPU`,
);
