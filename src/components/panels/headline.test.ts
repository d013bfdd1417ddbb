/** The headline over the charts: the baseline against the model that predicts, or the warning instead. */
import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../core';
import { headline } from './headline';

function record(iteration: number, testMse: number, extra: Partial<IterationRecord> = {}): IterationRecord {
  return {
    iteration,
    d: 1,
    M: Float64Array.of(1),
    mEigenvalues: Float64Array.of(1),
    mEigenvectors: [],
    trainMse: 0,
    testMse,
    trainAccuracy: null,
    testAccuracy: null,
    trainR2: null,
    testR2: null,
    validationMse: null,
    validationAccuracy: null,
    bestIteration: null,
    featureMatrixProblem: null,
    kernelEigenvalues: new Float64Array(1),
    timings: { agop: 0, kernel: 0, solve: 0, predict: 0, spectrum: 0 },
    backend: 'cpu',
    jitter: 0,
    solveResidual: 0,
    testConfusion: null,
    memory: { tensors: 0, bytes: 0, gpuBytes: null },
    ...extra,
  };
}

describe('the headline', () => {
  it('compares the last iteration with the baseline', () => {
    expect(headline([record(0, 0.8), record(1, 0.2)])).toEqual({
      text: 'test MSE 0.8 → 0.2 (4× lower than the baseline)',
      warning: false,
    });
  });

  it('compares the best iteration when a validation split chose it', () => {
    const records = [
      record(0, 0.8, { bestIteration: 0 }),
      record(1, 0.4, { bestIteration: 1 }),
      record(2, 0.5, { bestIteration: 1 }),
    ];
    expect(headline(records)?.text).toBe(
      'test MSE 0.8 → 0.4 (best iteration 1, by validation) (2× lower than the baseline)',
    );
  });

  it('warns instead of claiming an improvement when M collapsed', () => {
    // With L = 0.01 the test MSE still fell (1.59x) while the model had become a constant.
    const problem = 'M collapsed to zero at iteration 1: ...';
    const result = headline([record(0, 23.2), record(1, 13.3, { featureMatrixProblem: problem })]);
    expect(result).toEqual({ text: problem, warning: true });
  });
});
