/**
 * Records with the default demo's shapes (d = 10, T = 5 so 6 records, 4 eigenvectors of M, 64 kernel
 * eigenvalues), filled from a seeded generator: what the serialiser and the eviction tests store. Test-only.
 */
import type { IterationRecord } from '../../core';
import { defaultParams } from '../../params/schema';
import type { KeptRun } from './keptRun';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

export function demoRecords(seed = 1, d = 10, iterations = 6): IterationRecord[] {
  const random = lcg(seed);
  const fill = (n: number) => Float64Array.from({ length: n }, random);
  return Array.from({ length: iterations }, (_, iteration) => ({
    iteration,
    d,
    M: fill(d * d),
    mEigenvalues: fill(d),
    mEigenvectors: Array.from({ length: 4 }, () => fill(d)),
    trainMse: Math.abs(random()),
    testMse: Math.abs(random()),
    trainAccuracy: null,
    testAccuracy: null,
    trainR2: random(),
    testR2: random(),
    validationMse: null,
    validationAccuracy: null,
    bestIteration: null,
    featureMatrixProblem: null,
    kernelEigenvalues: fill(64),
    timings: { agop: 1.5, kernel: 2.5, solve: 3.5, predict: 0.5, spectrum: 4.5 },
    backend: 'wasm',
    jitter: 0,
    solveResidual: 1e-7,
    testConfusion: null,
    memory: { tensors: 12, bytes: 4096, gpuBytes: null },
  }));
}

export function demoRun(id: string, createdAt: number, overrides: Partial<KeptRun> = {}): KeptRun {
  return {
    id,
    name: `run ${id}`,
    color: '#4e79a7',
    pinned: false,
    createdAt,
    outcome: 'finished',
    params: defaultParams(),
    records: demoRecords(createdAt),
    dataset: null,
    ...overrides,
  };
}
