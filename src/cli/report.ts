/**
 * What the CLI prints and writes for each iteration: the JSON record (snake_case, plain arrays, null for
 * values that do not exist or are not finite) and the one-line progress summary for stderr.
 */
import type { IterationRecord } from '../core/types';

export interface IterationJson {
  iter: number;
  /** Iteration 0: the plain kernel machine with M = I. */
  baseline: boolean;
  train_mse: number;
  test_mse: number | null;
  train_acc: number | null;
  test_acc: number | null;
  train_r2: number | null;
  test_r2: number | null;
  /** On the validation split (--val-fraction), else null. */
  validation_mse: number | null;
  validation_acc: number | null;
  /** The best iteration on the validation split so far (null without one). */
  best_iteration: number | null;
  /** Set when M is degenerate (collapsed to zero): the run stopped there. */
  feature_matrix_problem: string | null;
  /** [d][d] */
  M: number[][];
  /** Descending. */
  M_eigenvalues: number[];
  /** Top eigenvectors of M, each of length d. */
  M_eigenvectors: number[][];
  /** Top eigenvalues of K_M(X, X) without the ridge, descending. */
  kernel_eigenvalues: number[];
  timings_ms: Record<string, number>;
  backend: string;
  jitter: number;
  solve_residual: number;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export function iterationToJson(record: IterationRecord): IterationJson {
  const { d } = record;
  const m: number[][] = [];
  for (let i = 0; i < d; i++) m.push(Array.from(record.M.subarray(i * d, (i + 1) * d)));
  return {
    iter: record.iteration,
    baseline: record.iteration === 0,
    train_mse: record.trainMse,
    test_mse: finiteOrNull(record.testMse),
    train_acc: finiteOrNull(record.trainAccuracy),
    test_acc: finiteOrNull(record.testAccuracy),
    train_r2: finiteOrNull(record.trainR2),
    test_r2: finiteOrNull(record.testR2),
    validation_mse: finiteOrNull(record.validationMse),
    validation_acc: finiteOrNull(record.validationAccuracy),
    best_iteration: record.bestIteration,
    feature_matrix_problem: record.featureMatrixProblem,
    M: m,
    M_eigenvalues: Array.from(record.mEigenvalues),
    M_eigenvectors: record.mEigenvectors.map((v) => Array.from(v)),
    kernel_eigenvalues: Array.from(record.kernelEigenvalues),
    timings_ms: Object.fromEntries(Object.entries(record.timings).map(([phase, ms]) => [phase, roundMs(ms)])),
    backend: record.backend,
    jitter: record.jitter,
    solve_residual: record.solveResidual,
  };
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** e.g. `iter 2/5  train MSE 1.234e-4  test MSE 2.101e-3  test acc 98.2%  0.41 s` */
export function progressLine(record: IterationRecord, iterations: number): string {
  const parts = [
    `iter ${record.iteration}/${iterations}${record.iteration === 0 ? ' (baseline, M = I)' : ''}`,
    `train MSE ${record.trainMse.toExponential(3)}`,
  ];
  if (record.testMse !== null) parts.push(`test MSE ${record.testMse.toExponential(3)}`);
  if (record.testAccuracy !== null) parts.push(`test acc ${(record.testAccuracy * 100).toFixed(1)}%`);
  else if (record.trainAccuracy !== null) parts.push(`train acc ${(record.trainAccuracy * 100).toFixed(1)}%`);
  if (record.validationMse !== null)
    parts.push(
      `val MSE ${record.validationMse.toExponential(3)}${record.bestIteration === record.iteration ? ' (best)' : ''}`,
    );
  if (record.jitter > 0) parts.push(`jitter ${record.jitter.toExponential(2)} added to the diagonal`);
  const total = Object.values(record.timings).reduce((sum, ms) => sum + ms, 0);
  parts.push(formatSeconds(total));
  if (record.featureMatrixProblem) parts.push(`\n  ${record.featureMatrixProblem}`);
  return parts.join('  ');
}

/**
 * JSON indented for reading, except that arrays of numbers (or other scalars) stay on one line (a 100 x 100 M would otherwise
 * take 10,000 lines). Non-finite numbers become null, as in JSON.stringify.
 */
export function formatJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What a whole run adds to the JSON: the iteration whose model predicts (the best one on the validation
 * split, else the last), its test metrics, and why the run ended early, if it did.
 */
export function runSummary(records: readonly IterationRecord[], iterations: number) {
  const last = records.at(-1);
  const bestIteration = last?.bestIteration ?? null;
  const chosen = records.find((r) => r.iteration === (bestIteration ?? last?.iteration)) ?? last;
  const stoppedEarly = last !== undefined && last.iteration < iterations;
  return {
    best_iteration: bestIteration,
    /** The model used for predictions: the best iteration's with a validation split, else the last one's. */
    prediction_iteration: chosen?.iteration ?? null,
    prediction_test_mse: finiteOrNull(chosen?.testMse ?? null),
    prediction_test_acc: finiteOrNull(chosen?.testAccuracy ?? null),
    stopped_early: stoppedEarly
      ? (last.featureMatrixProblem ?? 'the validation MSE rose past the best one x 1.1 (early stopping)')
      : null,
  };
}
