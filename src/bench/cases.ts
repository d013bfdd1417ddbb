/**
 * The benchmark cases of issue 3, defined once for the bench page (browser worker), the Node runs and the
 * data files the native reference reads. Every case has fixed seeds, so every side sees the same numbers.
 * `quick` gives small versions for a smoke run.
 *
 * This module imports no tfjs: the runner loads it in plain Node to write the data files.
 */
import { DEFAULT_RFM_OPTIONS } from '../core/defaults';
import type { Dataset, RfmOptions } from '../core/types';
import { makeLowRankDataset } from '../data/sources/lowRank';
import { makeRegressionDataset, SEED_TARGET_EXPRESSION } from '../data/sources/synthetic';
import { makeModularDataset } from '../data/sources/modular';

export const BENCH_CASE_IDS = ['A', 'B', 'C', 'D', 'E'] as const;
export type BenchCaseId = (typeof BENCH_CASE_IDS)[number];

export interface BenchCase {
  id: BenchCaseId;
  /** One line for tables, e.g. "seed target, n = 1000, d = 100". */
  title: string;
  options: RfmOptions;
  /** Wall-clock budget for one run (all iterations) on the wasm backend, in seconds. */
  timeoutSeconds: number;
  makeDataset(): Dataset;
}

const DATA_SEED = 0;

/**
 * The engine's defaults (= the schema's: Laplace, L = 10, lambda = 1e-3, mean update, 5 iterations), with
 * seed 0, which the recorded runs used (it has no effect without a sampled AGOP or a validation split). The
 * options travel with every result and data file, so a change of default shows there.
 */
const LAPLACE_MEAN: RfmOptions = { ...DEFAULT_RFM_OPTIONS, seed: 0 };

const GROKKING: RfmOptions = {
  ...LAPLACE_MEAN,
  kernel: 'gaussian',
  bandwidth: 2.5,
  ridge: 0,
  convention: 'sqrt',
  centering: true,
};

function seedTarget(
  id: BenchCaseId,
  nTrain: number,
  nTest: number,
  d: number,
  iterations: number,
  timeoutSeconds: number,
): BenchCase {
  return {
    id,
    title: `seed target, n = ${nTrain}, d = ${d}`,
    options: { ...LAPLACE_MEAN, iterations },
    timeoutSeconds,
    makeDataset: () =>
      makeRegressionDataset({
        expression: SEED_TARGET_EXPRESSION,
        d,
        nTrain,
        nTest,
        distribution: 'uniform',
        noise: 0,
        seed: DATA_SEED,
      }),
  };
}

function lowRank(nTrain: number, nTest: number, iterations: number, timeoutSeconds: number): BenchCase {
  return {
    id: 'C',
    title: `low-rank target, n = ${nTrain}, d = 20`,
    options: { ...LAPLACE_MEAN, iterations },
    timeoutSeconds,
    makeDataset: () => makeLowRankDataset({ d: 20, nTrain, nTest, seed: DATA_SEED }),
  };
}

function modularAddition(p: number, iterations: number, timeoutSeconds: number): BenchCase {
  // makeModularDataset rounds the training share of the p^2 pairs (61^2 / 2 -> 1861).
  const nTrain = Math.round((p * p) / 2);
  return {
    id: 'D',
    title: `modular addition p = ${p}, n = ${nTrain}, d = ${2 * p}, c = ${p}`,
    options: { ...GROKKING, iterations },
    timeoutSeconds,
    makeDataset: () => makeModularDataset({ p, op: '+', trainFraction: 0.5, seed: DATA_SEED }),
  };
}

const FULL: Record<BenchCaseId, () => BenchCase> = {
  A: () => seedTarget('A', 1000, 500, 100, 5, 300),
  B: () => seedTarget('B', 2000, 500, 100, 5, 600),
  C: () => lowRank(4000, 1000, 5, 1200),
  D: () => modularAddition(61, 5, 1200),
  E: () => seedTarget('E', 8000, 1000, 100, 1, 1800),
};

const QUICK: Record<BenchCaseId, () => BenchCase> = {
  A: () => seedTarget('A', 200, 100, 100, 2, 60),
  B: () => seedTarget('B', 400, 100, 100, 2, 60),
  C: () => lowRank(500, 200, 2, 60),
  D: () => modularAddition(13, 2, 60),
  E: () => seedTarget('E', 800, 100, 100, 1, 60),
};

export function isBenchCaseId(id: string): id is BenchCaseId {
  return (BENCH_CASE_IDS as readonly string[]).includes(id);
}

/** The case `id`, full size or the small smoke-run version. Throws on an unknown id. */
export function benchCase(id: string, quick = false): BenchCase {
  if (!isBenchCaseId(id)) throw new Error(`unknown bench case: ${id} (use ${BENCH_CASE_IDS.join(', ')})`);
  return (quick ? QUICK : FULL)[id]();
}
