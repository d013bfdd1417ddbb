#!/usr/bin/env node
/**
 * Times lin-RFM matrix completion in Node (docs/linrfm.md): median milliseconds per iteration of each
 * phase (solve, update, soft-impute), CPU seconds and wall seconds in all, and the final recovery error.
 *
 *   node scripts/linrfm-bench.mjs [rows] [cols] [rank] [observed] [iters] [basis]
 *   node scripts/linrfm-bench.mjs 500 500 5 0.2 60
 */
import { tsImport } from 'tsx/esm/api';

const [rows = 500, cols = 500, rank = 5, observed = 0.2, iters = 60, basis = 32] = process.argv.slice(2).map(Number);
const { completeMatrix } = await tsImport('../src/core/linrfm/completion.ts', import.meta.url);
const { DEFAULT_LINRFM_OPTIONS } = await tsImport('../src/core/linrfm/linrfmTypes.ts', import.meta.url);
const { makeCompletionProblem } = await tsImport('../src/data/linrfmProblems.ts', import.meta.url);

const problem = makeCompletionProblem({ rows, cols, rank, observed, noise: 0, seed: 1 });
const options = { ...DEFAULT_LINRFM_OPTIONS, iterations: iters, basisSize: basis };
const phases = { solve: [], update: [], baseline: [] };
let last = null;
const cpu = process.cpuUsage();
const started = performance.now();
for await (const record of completeMatrix(problem, options)) {
  if (record.iteration > 0) for (const phase of Object.keys(phases)) phases[phase].push(record.timings[phase]);
  last = record;
}
const wall = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage(cpu);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? NaN;
const split = Object.entries(phases).map(([phase, ms]) => `${phase} ${median(ms).toFixed(0)} ms`);
console.log(`${rows} x ${cols}, rank ${rank}, ${observed * 100}% observed, ${iters} iterations, basis ${basis}`);
console.log(`median per iteration: ${split.join(', ')}`);
console.log(`in all: ${wall.toFixed(1)} s wall, ${((user + system) / 1e6).toFixed(1)} s CPU`);
console.log(
  `final recovery error ${last.recoveryError.toExponential(3)} (soft-impute ${last.softImputeError?.toExponential(3)})`,
);
