/** Feature standardisation with the training split's statistics, for every tabular source. */
import type { Dataset } from '../../core/types';

/**
 * Features scaled to mean 0 and standard deviation 1 with the training split's statistics (population
 * standard deviation), applied to both splits. A column constant on the training split is only centred
 * (its training values become 0); it is never divided by 0.
 */
export function standardiseFeatures<D extends Dataset>(data: D): D {
  const { d, nTrain, nTest } = data;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d).fill(1);
  for (let i = 0; i < nTrain; i++) for (let j = 0; j < d; j++) mean[j]! += data.xTrain[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= nTrain;
  const variance = new Float64Array(d);
  for (let i = 0; i < nTrain; i++)
    for (let j = 0; j < d; j++) variance[j]! += (data.xTrain[i * d + j]! - mean[j]!) ** 2;
  for (let j = 0; j < d; j++) {
    const std = Math.sqrt(variance[j]! / nTrain);
    // A constant column can leave a rounding-level spread (the mean is not exactly representable); any
    // real variation of float32 inputs is far above 1e-9 of the mean.
    if (std > 1e-9 * Math.abs(mean[j]!) && std > 0) scale[j] = std;
  }
  const apply = (x: Float32Array, n: number): Float32Array => {
    const out = new Float32Array(x.length);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = (x[i * d + j]! - mean[j]!) / scale[j]!;
    return out;
  };
  return { ...data, xTrain: apply(data.xTrain, nTrain), xTest: apply(data.xTest, nTest) };
}
