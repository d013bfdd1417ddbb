/**
 * Small pieces of the RFM loop kept out of rfm.ts: input validation, the record's description of M, the
 * tensor memory it reports, and the check for a degenerate M.
 */
import * as tf from '@tensorflow/tfjs';
import { symmetricEigen } from './linalg/symmetricEigen';
import type { Dataset, IterationRecord, RfmOptions } from './types';

/** How many top eigenvectors of M each record carries. */
const RECORDED_EIGENVECTORS = 4;

export function identityMatrix(d: number): Float64Array {
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) m[i * d + i] = 1;
  return m;
}

export function validate(data: Dataset, options: RfmOptions): void {
  if (data.nTrain < 1) throw new Error('the training set is empty');
  if (data.xTrain.length !== data.nTrain * data.d) throw new Error('xTrain does not have nTrain x d values');
  if (data.yTrain.length !== data.nTrain * data.c) throw new Error('yTrain does not have nTrain x c values');
  if (data.xTest.length !== data.nTest * data.d || data.yTest.length !== data.nTest * data.c)
    throw new Error('the test set does not have nTest x d inputs and nTest x c targets');
  if (!(options.ridge >= 0)) throw new Error(`invalid ridge: ${options.ridge} (must be >= 0)`);
  if (!Number.isInteger(options.iterations) || options.iterations < 0)
    throw new Error(`invalid iterations: ${options.iterations}`);
  if (!(options.validationFraction >= 0 && options.validationFraction < 1))
    throw new Error(`invalid validation fraction: ${options.validationFraction} (must be in [0, 1))`);
  if (options.validationFraction > 0 && data.nTrain < 2)
    throw new Error('a validation split needs at least 2 training points');
  if (options.earlyStopping && !(options.validationFraction > 0))
    throw new Error('early stopping needs a validation split (a validation fraction > 0)');
  for (const [name, values] of [
    ['training inputs', data.xTrain],
    ['training targets', data.yTrain],
    ['test inputs', data.xTest],
    ['test targets', data.yTest],
  ] as const) {
    if (!values.every(Number.isFinite)) throw new Error(`the ${name} contain NaN or infinite values`);
  }
}

/** Live tensors and bytes; on WebGPU also the bytes its buffer pool holds (it never shrinks, so it must stay flat). */
export function tensorMemory(): IterationRecord['memory'] {
  const memory = tf.memory() as tf.MemoryInfo & { numBytesAllocatedInGPU?: number };
  return { tensors: memory.numTensors, bytes: memory.numBytes, gpuBytes: memory.numBytesAllocatedInGPU ?? null };
}

/** The one-hot group sizes the data's layout promises (checked against the data before use). */
export function oneHotGroupSizes(data: Dataset): number[] {
  const layout = data.layout;
  if (layout?.kind === 'modular') return [layout.p, layout.p];
  if (layout?.kind === 'text') return Array.from({ length: layout.k }, () => layout.vocabulary.length);
  return [];
}

/** Eigenvalues and the top eigenvectors of M. */
export function describeFeatureMatrix(
  m: Float64Array,
  d: number,
): Pick<IterationRecord, 'mEigenvalues' | 'mEigenvectors'> {
  const { values, vectors } = symmetricEigen(m, d);
  const mEigenvectors: Float64Array[] = [];
  for (let k = 0; k < Math.min(d, RECORDED_EIGENVECTORS); k++) {
    const v = new Float64Array(d);
    for (let i = 0; i < d; i++) v[i] = vectors[i * d + k]!;
    mEigenvectors.push(v);
  }
  return { mEigenvalues: values, mEigenvectors };
}

/**
 * Below this, sqrt(mean ||x_i - mean||_M^2) / L, the kernel is within ~1e-6 of 1 for every pair: constant
 * in float32, whatever the kernel.
 */
const CONSTANT_KERNEL_SPREAD = 1e-6;

/**
 * Says why M_t is degenerate, or null. `spread` is the mean squared M-distance of the centred training points
 * from their mean. A tiny bandwidth (L = 0.01 on the seed example) makes the kernel's gradients underflow, so
 * the AGOP, and M, collapse to zero: the kernel is then constant and the model predicts the mean.
 */
export function featureMatrixProblem(iteration: number, spread: number, bandwidth: number): string | null {
  if (iteration === 0) return null;
  if (Number.isFinite(spread) && Math.sqrt(Math.max(spread, 0)) > CONSTANT_KERNEL_SPREAD * bandwidth) return null;
  return (
    `M collapsed to zero at iteration ${iteration}: all points are at distance ~0 under M, so the kernel is ` +
    `constant and the model predicts a constant. The run stopped there; try a larger bandwidth L.`
  );
}
