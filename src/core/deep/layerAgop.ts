/**
 * One RFM step with M = I, as each Deep RFM layer takes it (docs/deeprfm.md): fit the Laplace kernel
 * machine (K + lambda I) alpha = Y on the layer's points and return its AGOP in the mean convention,
 * M = G / n with G = sum_i sum_k grad f_k(x_i) grad f_k(x_i)^T (uncentred). The kernel, the solve and the
 * AGOP are the engine's own (distance.ts, solve.ts, agop.ts), so this is the plain RFM's first update.
 */
import * as tf from '@tensorflow/tfjs';
import { BATCH_FLOATS, gradientOuterProductSum } from '../agop';
import { disposeMetricPoints, pairwiseSquaredDistances, usesDirectDifferences, type MetricPoints } from '../distance';
import { laplaceKernel } from '../kernels/laplace';
import { solveKernelSystem } from '../solve';
import { updateFeatureMatrix } from '../update';

/**
 * Distance factors of x under M = I (distance.ts with M = I, without the d x d product). Few coordinates take
 * direct differences there (directDifferences.ts), which need M itself: I is then made here and freed with
 * the points (disposeIdentityPoints).
 */
function identityMetricPoints(x: tf.Tensor2D): MetricPoints {
  const factors = tf.tidy(() => {
    const sqNorms = tf.sum(tf.square(x), 1, true);
    const ones = tf.onesLike(sqNorms);
    const left = tf.concat([x, sqNorms, ones], 1) as tf.Tensor2D;
    const rightT = tf.transpose(tf.concat([tf.mul(x, -2), ones, sqNorms], 1)) as tf.Tensor2D;
    return { left, rightT };
  });
  const d = x.shape[1];
  const direct = usesDirectDifferences(d);
  return {
    x,
    ...factors,
    m: tf.eye(direct ? d : 1) as tf.Tensor2D, // only read on the direct path
    xT: direct ? (tf.transpose(x) as tf.Tensor2D) : null,
  };
}

function disposeIdentityPoints(points: MetricPoints): void {
  disposeMetricPoints(points);
  points.m.dispose();
}

export interface LayerAgop {
  /** M = G / n, row-major [d, d] float64, exactly symmetric. */
  m: Float64Array;
  /** max relative residual of the solve after refinement (solve.ts). */
  solveResidual: number;
  jitter: number;
}

/**
 * x: [n, d] (the caller owns it; rows at unit norm in Deep RFM), y: [n, c] in {-1, +1}.
 * Every tensor made here is freed before it returns or throws.
 */
export async function laplaceAgopAtIdentity(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  bandwidth: number,
  ridge: number,
): Promise<LayerAgop> {
  const [n, d] = x.shape;
  const kernel = laplaceKernel(bandwidth);
  // Distances and gradients do not move under a common shift; centring rounds less in float32.
  const centred = tf.tidy(() => tf.sub(x, tf.mean(x, 0, true)) as tf.Tensor2D);
  const points = identityMetricPoints(centred);
  const owned: tf.Tensor[] = [centred];
  try {
    const d2 = pairwiseSquaredDistances(points, points, true);
    owned.push(d2);
    const k = kernel.value(d2) as tf.Tensor2D;
    owned.push(k);
    const kValues = (await k.data()) as Float32Array;
    const solution = await solveKernelSystem(k, y, ridge, kValues);
    owned.push(solution.alpha);
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const gram = await gradientOuterProductSum({
      kernel,
      points,
      alpha: solution.alpha,
      rows,
      centering: false,
      allPairs: n * n <= BATCH_FLOATS ? { k, d2 } : undefined,
    });
    return {
      m: updateFeatureMatrix(gram, d, n, 'mean', false),
      solveResidual: solution.relativeResidual,
      jitter: solution.jitter,
    };
  } finally {
    disposeIdentityPoints(points);
    owned.forEach((t) => t.dispose());
  }
}
