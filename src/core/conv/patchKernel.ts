/**
 * The patch kernel K_M(A, B) = (1/P) sum_p k(D_p) [na, nb] (docs/convrfm.md): one plain product and the
 * kernel's elementwise pass per position (patchOperands.ts); memory stays at a few [na, nb] matrices. The
 * Gaussian's exponentials run on the engine's SIMD kernel on the wasm backend (patchExp.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelFunction } from '../kernels/kernelFunction';
import { createPatchExp, expTensor, tensorValues, type PatchExp } from './patchExp';
import { positionProduct, type PatchOperands } from './patchOperands';

/** How the kernel is read off one position's product: exp for the Gaussian (the product is log K). */
export interface PatchKernel {
  kernel: KernelFunction;
  /** The product is log K (Gaussian): K = exp(product). */
  logProduct: boolean;
  /** Floor rounding-sized distances to 0 (kernels not smooth at 0). */
  floor: boolean;
}

/**
 * K_p at position p [na, nb] and, for gradient weights, the squared distances (null on the log path).
 * `patchExp` (for na x nb products) takes the log path's exponentials where it runs. Call inside tidy.
 */
export function positionKernel(
  kind: PatchKernel,
  a: PatchOperands,
  b: PatchOperands,
  p: number,
  patchExp: PatchExp | null = null,
): { k: tf.Tensor2D; d2: tf.Tensor2D | null } {
  const product = positionProduct(a, b, p, kind.floor);
  if (kind.logProduct) return { k: patchExp ? expTensor(patchExp, product) : tf.exp(product), d2: null };
  return { k: kind.kernel.value(product) as tf.Tensor2D, d2: product };
}

/** Positions per tidy scope: bounds the scope's garbage and sets how often `betweenChunks` runs. */
export const POSITIONS_PER_CHUNK = 16;

export interface PatchKernelInput {
  kind: PatchKernel;
  left: PatchOperands;
  right: PatchOperands;
  betweenChunks?: (fractionDone: number) => Promise<void>;
}

/** K [na, nb]; the caller owns it. Every other tensor is freed, also when betweenChunks throws. */
export async function patchKernelMatrix(input: PatchKernelInput): Promise<tf.Tensor2D> {
  const { kind, left, right } = input;
  const positions = left.left.length;
  const na = left.patches.n;
  const nb = right.patches.n;
  const patchExp = kind.logProduct ? createPatchExp(na * nb) : null;
  if (patchExp) {
    for (let p0 = 0; p0 < positions; p0 += POSITIONS_PER_CHUNK) {
      const end = Math.min(positions, p0 + POSITIONS_PER_CHUNK);
      for (let p = p0; p < end; p++)
        tf.tidy(() => patchExp.accumulate(tensorValues(positionProduct(left, right, p, false))));
      await input.betweenChunks?.(end / positions);
    }
    return tf.tensor2d(patchExp.sum(1 / positions), [na, nb]);
  }
  let sum = tf.zeros([na, nb]) as tf.Tensor2D;
  try {
    for (let p0 = 0; p0 < positions; p0 += POSITIONS_PER_CHUNK) {
      const end = Math.min(positions, p0 + POSITIONS_PER_CHUNK);
      const next = tf.tidy(() => {
        let acc: tf.Tensor2D = sum;
        for (let p = p0; p < end; p++) acc = tf.add(acc, positionKernel(kind, left, right, p).k);
        return acc === sum ? sum.clone() : acc;
      });
      sum.dispose();
      sum = next;
      await input.betweenChunks?.(end / positions);
    }
    return tf.mul(sum, 1 / positions) as tf.Tensor2D;
  } finally {
    sum.dispose();
  }
}
