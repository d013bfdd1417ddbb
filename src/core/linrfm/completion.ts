/**
 * lin-RFM matrix completion (docs/linrfm.md). Iteration t solves every row's min-norm interpolation in
 * M_t (rowSolve.ts), records W_t, then updates M_{t+1} = (W_t^T W_t / m + delta_t I)^s from the
 * eigenpairs of W_t^T W_t (gramEigen.ts), which also give W_t's singular values. Iteration 0 uses M = I:
 * the min-norm (zero-fill) baseline. The run stops once W has converged (LINRFM_TOLERANCE) or after
 * `iterations` updates, whichever comes first. The nuclear-norm baseline (soft-impute run to convergence,
 * nuclearNorm.ts) is computed once, before iteration 1, and every later record carries its error.
 * Yields one record per iteration; `checkpoint` is awaited at the start of every iteration and, at most
 * every YIELD_MS, between row blocks and phases.
 */
import { createRandom } from '../random';
import { frobeniusSquared, gramEigen, type SubspaceState } from './gramEigen';
import { identityMetric, metricSpectrum, updatedMetric } from './metric';
import { PREVIEW_SIDE, previewIndices, previewMatrix } from './preview';
import { emptySolution, planRowSolve, solveRowBlock } from './rowSolve';
import { minimiseNuclearNorm, NUCLEAR_NORM_DEFAULTS } from './nuclearNorm';
import { densify, observedRows, productsOf } from './sparsePlusLowRank';
import {
  epsAt,
  exactMetric,
  hasConverged,
  type CompletionProblem,
  type CompletionRecord,
  type LinRfmOptions,
} from './linrfmTypes';

export interface LinRfmProgress {
  iteration: number;
  phase: 'solve' | 'update' | 'baseline';
  /** In [0, 1] within the phase. */
  fraction: number;
}

export interface LinRfmHooks {
  checkpoint?: (progress: LinRfmProgress) => Promise<void>;
}

/**
 * Least time between two checkpoints inside an iteration. A worker's checkpoint is a timer, clamped to
 * >= 4 ms once nested: one per row block and phase cost ~40 ms of an iteration of ~100 ms at 500 x 500.
 */
export const YIELD_MS = 40;

/** A checkpoint that passes through only when YIELD_MS have gone by since the last one it let through. */
export function throttled(checkpoint: (progress: LinRfmProgress) => Promise<void>) {
  let last = -Infinity;
  return async (progress: LinRfmProgress): Promise<void> => {
    if (performance.now() - last < YIELD_MS) return;
    await checkpoint(progress);
    last = performance.now();
  };
}

/** Rows solved between two checkpoints (at most ~10^7 flops at 20% of 500 columns). */
const ROW_BLOCK = 64;

/** ||A - B||_F / ||B||_F, over the entries where `where` is set (all when null). */
export function relativeError(A: Float64Array, B: Float64Array, where: Uint8Array | null = null): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < A.length; i++) {
    if (where && !where[i]) continue;
    num += (A[i]! - B[i]!) ** 2;
    den += B[i]! ** 2;
  }
  return den > 0 ? Math.sqrt(num / den) : Math.sqrt(num);
}

export async function* completeMatrix(
  problem: CompletionProblem,
  options: LinRfmOptions,
  hooks: LinRfmHooks = {},
): AsyncGenerator<CompletionRecord> {
  const { rows: m, cols: n, observed, mask, truth } = problem;
  const K = options.basisSize;
  const exact = exactMetric(options, n);
  const random = createRandom(options.seed);
  const checkpoint = hooks.checkpoint ?? (() => Promise.resolve());
  const within = throttled(checkpoint);
  const previewRows = previewIndices(m, PREVIEW_SIDE);
  const previewCols = previewIndices(n, PREVIEW_SIDE);
  const rows = observedRows(observed, mask, m, n);
  const subspace: SubspaceState = { basis: null };
  let baseline: { error: number; sweeps: number; converged: boolean } | null = null;
  let metric = identityMetric(n);
  const dense = new Float64Array(m * n);
  let previous: Float64Array | null = null;

  for (let t = 0; t <= options.iterations; t++) {
    let started = performance.now();
    let baselineMs = 0;
    if (options.softImpute && t === 1) {
      // Large matrices (the truncated path) get a smaller budget; the record says whether it converged.
      const nuclearOptions = { ...NUCLEAR_NORM_DEFAULTS, maxSweeps: exact ? NUCLEAR_NORM_DEFAULTS.maxSweeps : 300 };
      const result = await minimiseNuclearNorm(rows, exact, K, random, nuclearOptions, (sweeps) =>
        within({ iteration: t, phase: 'baseline', fraction: sweeps / nuclearOptions.maxSweeps }),
      );
      baseline = { error: relativeError(result.estimate, truth), sweeps: result.sweeps, converged: result.converged };
      baselineMs = performance.now() - started;
      started = performance.now();
    }
    const plan = planRowSolve(metric, rows);
    const W = emptySolution(plan, rows);
    for (let from = 0; from < m; from += ROW_BLOCK) {
      const progress = { iteration: t, phase: 'solve', fraction: from / m } as const;
      // Every iteration starts at a checkpoint, so a step (one iteration) stops where it should.
      await (from === 0 ? checkpoint(progress) : within(progress));
      solveRowBlock(plan, W, from, Math.min(m, from + ROW_BLOCK));
    }
    densify(W, dense);
    const recoveryError = relativeError(dense, truth);
    const change = previous ? relativeError(previous, dense) : null;
    previous = dense.slice();
    const solveMs = performance.now() - started;

    await within({ iteration: t, phase: 'update', fraction: 0 });
    started = performance.now();
    const eig = gramEigen(exact, () => dense, productsOf(W, frobeniusSquared(dense)), K, subspace, random);
    const eps = epsAt(options, t);
    const next = updatedMetric(eig, m, n, options.power, eps);
    const updateMs = performance.now() - started;

    yield {
      iteration: t,
      recoveryError,
      change,
      softImputeError: baseline?.error ?? null,
      softImputeSweeps: baseline?.sweeps ?? null,
      softImputeConverged: baseline?.converged ?? null,
      observedResidual: relativeError(dense, observed, mask),
      singularValues: eig.values.map((v) => Math.sqrt(Math.max(v, 0))),
      mSpectrum: metricSpectrum(metric),
      truncated: eig.truncated,
      eps,
      preview: previewMatrix(dense, n, previewRows, previewCols),
      timings: { solve: solveMs, update: updateMs, baseline: baselineMs },
    };
    metric = next;
    if (hasConverged(change, options)) return;
  }
}
