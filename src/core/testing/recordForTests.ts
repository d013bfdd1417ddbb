/**
 * An iteration record with every field filled by a neutral value, for tests that care about a few of them
 * (the store, the headline, sweeps): pass what the test reads in `fields`.
 */
import type { IterationRecord } from '../types';

export function recordForTests(fields: Partial<IterationRecord> & Pick<IterationRecord, 'iteration'>): IterationRecord {
  return {
    d: 1,
    M: Float64Array.of(1),
    mEigenvalues: Float64Array.of(1),
    mEigenvectors: [],
    trainMse: 0,
    testMse: 0,
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
    ...fields,
  };
}
