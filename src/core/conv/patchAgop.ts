/**
 * The patch AGOP (docs/convrfm.md): the gradient of f_c with respect to patch p of x_i, the other patches
 * held fixed, is g = (1/P) M u with u = sum_j W_ijp alpha_jc (x_jp - x_ip) = (W_p diag(alpha_c) X_p)_i -
 * (W_p alpha_c)_i x_ip, W_p the kernel's gradient weights on the position-p patch distances. Per position two
 * plain products, W_p [n, n] x alpha (x) X_p [n, c f] and W_p x alpha [n, c], give both terms: n^2 (c f + c)
 * multiply-adds per position, and the n x n x P tensor never exists. For the Gaussian W_p = K_p / L^2, and the
 * 1/L^2 goes on the small right operand. Returns sum U^T U as float64 [f, f]; the caller applies M on both
 * sides and the scale (convUpdate.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { createPatchExp } from './patchExp';
import { POSITIONS_PER_CHUNK, positionKernel, type PatchKernel } from './patchKernel';
import type { PatchOperands } from './patchOperands';

export interface PatchAgopInput {
  kind: PatchKernel;
  /** 1/L^2 for the Gaussian (W = K / L^2), unused otherwise. */
  gaussianWeight: number;
  /** The training patches under the current M. */
  train: PatchOperands;
  /** [n, c] */
  alpha: tf.Tensor2D;
  betweenChunks?: (fractionDone: number) => Promise<void>;
}

export async function patchGradientOuterProductSum(input: PatchAgopInput): Promise<Float64Array> {
  const { kind, train, alpha } = input;
  const { positions, n, f } = train.patches;
  const c = alpha.shape[1];
  const patchExp = kind.logProduct ? createPatchExp(n * n) : null;
  let sum = tf.zeros([f, f]) as tf.Tensor2D;
  try {
    for (let p0 = 0; p0 < positions; p0 += POSITIONS_PER_CHUNK) {
      const end = Math.min(positions, p0 + POSITIONS_PER_CHUNK);
      const next = tf.tidy(() => {
        const us: tf.Tensor2D[] = [];
        for (let p = p0; p < end; p++) {
          const { k, d2 } = positionKernel(kind, train, train, p, patchExp);
          const x = train.patches.x[p]!;
          let alphaX = tf.reshape(tf.mul(tf.reshape(alpha, [n, c, 1]), tf.reshape(x, [n, 1, f])), [n, c * f]);
          let w = k;
          let a = alpha;
          if (d2 === null) {
            alphaX = tf.mul(alphaX, input.gaussianWeight);
            a = tf.mul(alpha, input.gaussianWeight);
          } else w = kind.kernel.gradientWeight(k, d2) as tf.Tensor2D;
          // Two products rather than one of [alpha (x) X_p, alpha] split after: tf.slice of the columns of
          // the [n, c f + c] result ran on the CPU through readSync on tfjs-wasm (~2 ms a position, measured).
          const weighted = tf.reshape(tf.matMul(w, alphaX), [n, c, f]);
          const rowSums = tf.reshape(tf.matMul(w, a), [n, c, 1]);
          us.push(tf.reshape(tf.sub(weighted, tf.mul(rowSums, tf.reshape(x, [n, 1, f]))), [n * c, f]));
        }
        const u = tf.concat(us, 0);
        return tf.add(sum, tf.matMul(tf.transpose(u), u)) as tf.Tensor2D;
      });
      sum.dispose();
      sum = next;
      await input.betweenChunks?.(end / positions);
    }
    return Float64Array.from((await sum.data()) as Float32Array);
  } finally {
    sum.dispose();
  }
}
