/**
 * A run as JSON: the per-iteration record that `rfm fit` and `rfm preset` write and the app's Download JSON
 * gives (snake_case, plain arrays, null for values that do not exist or are not finite), and the JSON
 * layout both use. Shared by the CLI (Node) and the app (browser): types from core only, no tfjs.
 */
import { grokkingTrajectory, jumpIteration, maxTestAccuracy } from '../core/analysis/grokking';
import type { BaselineScore, DatasetLayout, IterationRecord } from '../core/types';
import { circulantResidueOrders } from '../data/sources/modular';
import { appliedParams } from '../data/sources/applies';
import type { Params } from '../params/schema';

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

/** What `rfm preset` writes (and the app's Download JSON): `rfm fit`'s iterations plus the preset's metrics. */
export interface PresetResult {
  preset: string;
  /** The parameters that shaped the run: without the data keys its data source never reads (data/sources/applies.ts). */
  params: Partial<Params>;
  backend: string;
  data: {
    n_train: number;
    n_test: number;
    d: number;
    c: number;
    layout: string;
    feature_names: string[];
    /** The uploaded file's name, for a CSV run (its rows stay with the user). */
    file?: string;
  };
  iterations: IterationJson[];
  summary: ReturnType<typeof runSummary> | null;
  metrics: Record<string, unknown>;
  total_ms: number;
}

/** The parts of a data set the metrics need (a Dataset in the CLI, the worker's summary in the app). */
export interface DataDescription {
  layout?: DatasetLayout;
  baselines?: BaselineScore[];
  featureNames?: string[];
}

/** What each kind of experiment adds to the JSON beyond the per-iteration records. */
export function presetMetrics(data: DataDescription, records: IterationRecord[]): Record<string, unknown> {
  const last = records.at(-1);
  const metrics: Record<string, unknown> = {
    final_test_mse: last?.testMse ?? null,
    baseline_test_mse: records[0]?.testMse ?? null,
    final_test_accuracy: last?.testAccuracy ?? null,
    baseline_test_accuracy: records[0]?.testAccuracy ?? null,
  };
  const layout = data.layout;
  if (layout?.kind === 'modular') {
    const trajectory = grokkingTrajectory(records, layout.p, circulantResidueOrders(layout.p, layout.op));
    metrics.jump_iteration = jumpIteration(records);
    metrics.max_test_accuracy = maxTestAccuracy(records);
    metrics.test_accuracy_by_iteration = records.map((r) => r.testAccuracy);
    metrics.circulant_deviation_by_iteration = trajectory.map((p) => p.circulantDeviation);
    metrics.alignment_by_iteration = trajectory.map((p) => p.alignment);
  }
  if (data.baselines?.length) {
    metrics.baselines = data.baselines.map((b) => ({
      name: b.name,
      test_accuracy: b.testAccuracy,
      test_cross_entropy: b.testCrossEntropy,
      test_mse: b.testMse,
    }));
  }
  if (last) {
    const d = last.d;
    const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => last.M[b * d + b]! - last.M[a * d + a]!);
    metrics.top_features = order.slice(0, Math.min(5, d)).map((i) => data.featureNames?.[i] ?? `x${i + 1}`);
  }
  return metrics;
}

/** The app's run as `rfm preset` writes it: the same parameters, iterations and metrics. */
export function runResult(
  params: Params,
  records: readonly IterationRecord[],
  data: DataDescription & { nTrain: number; nTest: number; d: number; c: number },
  backend: string,
  /** The CSV file the run trained on (params.data = 'csv'). */
  file?: string,
): PresetResult {
  const totalMs = records.reduce((sum, r) => sum + Object.values(r.timings).reduce((a, b) => a + b, 0), 0);
  return {
    preset: params.preset,
    params: appliedParams(params),
    backend,
    data: {
      n_train: data.nTrain,
      n_test: data.nTest,
      d: data.d,
      c: data.c,
      layout: data.layout?.kind ?? 'vector',
      feature_names: data.featureNames ?? [],
      ...(params.data === 'csv' && file !== undefined ? { file } : {}),
    },
    iterations: records.map(iterationToJson),
    summary: runSummary(records, params.iters),
    metrics: presetMetrics(data, [...records]),
    total_ms: Math.round(totalMs),
  };
}
