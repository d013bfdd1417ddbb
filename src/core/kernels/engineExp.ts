/**
 * exp of a float32 tensor on the engine's own SIMD kernel (wasm/kernels.wat, expAccumulate) on the wasm
 * backend, tf.exp elsewhere. tfjs-wasm's exp is a scalar libm call: 230-290 ms over a 4,000 x 4,000 kernel
 * matrix in Node (measured), about as long as the rest of the kernel's formation, and a CPU profile of
 * bench case C put ~0.24 s of a ~2.4 s iteration there (docs/algorithm.md, step 1). Here the values go
 * through the kernel's memory a chunk at a time, read in place from the tfjs heap and written straight into
 * the output tensor's, as a tfjs kernel of its own (EngineExp) so it works inside tidy like any op. Same
 * accuracy as libm's float32 exp (~1e-7 relative); below -87.3 the value is 0 (denormals flushed).
 * No gradient is registered: the engine's kernels take their gradients in closed form.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { aligned, instantiateEngineKernels, reserveMemory, type EngineKernels } from '../wasm/kernels';

const ENGINE_EXP = 'RfmEngineExp';
/** Values per pass (1 MiB of the kernel's memory): the instance stays small whatever the tensor's size. */
const CHUNK = 1 << 18;

let kernels: EngineKernels | null | undefined;
let registered = false;

function expInChunks(wasm: EngineKernels, src: Float32Array, dst: Float32Array): void {
  const chunk = new Float32Array(reserveMemory(wasm, CHUNK * 4), 0, CHUNK);
  for (let at = 0; at < src.length; at += CHUNK) {
    const count = Math.min(CHUNK, src.length - at);
    chunk.set(src.subarray(at, at + count));
    // Whole vectors: the few values past `count` are the last chunk's, computed and never copied out.
    wasm.expAccumulate(0, 0, aligned(count * 4), 0);
    dst.set(chunk.subarray(0, count), at);
  }
}

/** Registers EngineExp on the wasm backend; false where the engine's kernels cannot load. */
function engineExpReady(): boolean {
  if (kernels === undefined) kernels = instantiateEngineKernels();
  if (kernels === null) return false;
  if (!registered) {
    const wasm = kernels;
    tf.registerKernel({
      kernelName: ENGINE_EXP,
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend }) => {
        const heap = backend as BackendWasm;
        const x = inputs.x!;
        const out = heap.makeOutput(x.shape, 'float32');
        // Both views after makeOutput: its allocation may grow the heap, which detaches older views.
        expInChunks(wasm, heap.typedArrayFromHeap(x) as Float32Array, heap.typedArrayFromHeap(out) as Float32Array);
        return out;
      },
    });
    registered = true;
  }
  return true;
}

/** exp(x), elementwise. */
export function engineExp(x: tf.Tensor): tf.Tensor {
  if (tf.getBackend() !== 'wasm' || x.dtype !== 'float32' || !engineExpReady()) return tf.exp(x);
  return tf.engine().runKernel<tf.Tensor>(ENGINE_EXP, { x });
}
