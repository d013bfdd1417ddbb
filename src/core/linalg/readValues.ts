/**
 * A float32 tensor's values on the CPU, into an array the caller keeps from one RFM iteration to the next.
 *
 * The solve reads K (n x n) back every iteration for its float64 residual. tf.Tensor.data() on the wasm
 * backend copies the tensor out of the wasm heap into a new buffer (HEAPU8.slice): at n = 4,000 a fresh
 * 64 MB array per iteration, whose allocation and first touch a CPU profile of bench case C put at ~0.25 s
 * of a ~2.2 s iteration (Node wasm; docs/algorithm.md, step 2). Here the values are copied from the heap
 * in place into `reuse` when it has the size. The other backends read as before (data()).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** x's values, in `reuse` when it holds exactly as many (its old contents are overwritten), else a new array. */
export async function readFloat32(x: tf.Tensor, reuse?: Float32Array): Promise<Float32Array> {
  if (tf.getBackend() !== 'wasm' || x.dtype !== 'float32') return (await x.data()) as Float32Array;
  const heap = (tf.backend() as unknown as BackendWasm).typedArrayFromHeap(x) as Float32Array;
  const out = reuse?.length === heap.length ? reuse : new Float32Array(heap.length);
  out.set(heap);
  return out;
}
