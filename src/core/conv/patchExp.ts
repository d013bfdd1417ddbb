/**
 * The Gaussian patch kernel's exponentials on the engine's own SIMD kernel (wasm/kernels.wat, expAccumulate)
 * instead of tf.exp. Per position the kernel is exp of one [na, nb] product (patchOperands.ts), and on the
 * wasm backend tf.exp is a scalar libm call: ~8 ns a value, 36 million values per kernel matrix at n = 500
 * and 144 positions, ~85% of the kernel's time and the largest single cost of a ConvRFM iteration
 * (measured with node --cpu-prof; docs/convrfm.md). The products stay on tfjs (XNNPACK), are read out, and
 * the exponentials are summed over positions here, so the per-position exp and add tensors disappear too.
 *
 * Only on the wasm backend, where each product is read in place from tfjs-wasm's heap: on WebGPU or WebGL
 * reading every product back would stall the GPU (and dataSync under SwiftShader's WebGPU returns zeros), and
 * the cpu backend, a fallback, would need a synchronous read (dataSync) or an await inside the tidy scopes
 * that hold the products; it keeps tf.exp, as they do.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { aligned, engineKernelsAvailable, instantiateEngineKernels, reserveMemory } from '../wasm/kernels';
import type { EngineKernels } from '../wasm/kernels';

/** The exponentials of [na, nb] products, one at a time, in one kernel instance's memory. */
export interface PatchExp {
  /** sum += exp(product), where sum starts at 0. */
  accumulate(product: Float32Array): void;
  /** exp(product), a view of the kernel's memory valid until the next call. */
  exp(product: Float32Array): Float32Array;
  /** The sum so far times `scale`, as a new array. */
  sum(scale: number): Float32Array;
}

/** Whether the exponentials run on the engine's SIMD kernel on the active backend. */
export function patchExpAvailable(): boolean {
  const backend = tf.getBackend();
  return backend === 'wasm' && engineKernelsAvailable();
}

/**
 * A PatchExp for products of `count` values, or null where the kernel does not run here (patchExpAvailable).
 * Its memory (two padded copies of a product) goes when it is dropped.
 */
export function createPatchExp(count: number): PatchExp | null {
  if (!patchExpAvailable()) return null;
  const kernels: EngineKernels | null = instantiateEngineKernels();
  if (kernels === null) return null;
  // Padded to whole vectors: the padding of src stays 0 and that of the sum is never read.
  const bytes = aligned(count * 4);
  const src = 0;
  const acc = bytes;
  reserveMemory(kernels, 2 * bytes);
  const view = (at: number) => new Float32Array(kernels.memory.buffer, at, count);
  return {
    accumulate(product) {
      view(src).set(product);
      kernels.expAccumulate(src, acc, bytes, 1);
    },
    exp(product) {
      view(src).set(product);
      kernels.expAccumulate(src, src, bytes, 0);
      return view(src);
    },
    sum(scale) {
      const out = view(acc).slice();
      for (let i = 0; i < count; i++) out[i] = out[i]! * scale;
      return out;
    },
  };
}

/**
 * A float32 tensor's values as a view of tfjs-wasm's heap (BackendWasm's typedArrayFromHeap, as
 * linalg/readValues.ts and kernels/engineExp.ts read it), valid until tfjs next allocates: read at once.
 * dataSync would copy each [500, 500] product into a fresh ArrayBuffer: ~1 ms and 1 MB of garbage, as much as
 * the exponentials themselves (measured with node --cpu-prof). Only on wasm (patchExpAvailable).
 */
export function tensorValues(tensor: tf.Tensor): Float32Array {
  const backend = tf.getBackend();
  if (backend !== 'wasm' || tensor.dtype !== 'float32')
    throw new Error(`tensorValues reads float32 tensors in tfjs-wasm's heap, not ${tensor.dtype} on ${backend}`);
  return (tf.backend() as unknown as BackendWasm).typedArrayFromHeap(tensor) as Float32Array;
}

/** exp of a [na, nb] product tensor as a new tensor; the product is left to the caller. */
export function expTensor(patchExp: PatchExp, product: tf.Tensor2D): tf.Tensor2D {
  // tfjs-wasm copies the values into its heap, so the kernel's memory may be reused by the next call.
  return tf.tensor2d(patchExp.exp(tensorValues(product)), product.shape);
}
