/**
 * A run of whole rows of a matrix tensor, without copying the whole matrix out first.
 *
 * tfjs-backend-wasm's Slice kernel (4.22) starts with backend.readSync(x): it copies the whole input out of
 * the wasm heap into a new JS buffer (HEAPU8.slice), then copies the slice from that. The blocked factor
 * (blockedFactor.ts) cuts rows out of panels and block columns of up to n x 256 floats several times per
 * block: at n = 4,000 (bench case C, Node wasm) those slices were ~0.7 s of a ~2.7 s RFM iteration in a CPU
 * profile, most of it the fresh buffers (docs/algorithm.md, step 2). tf.gather copies only the rows but
 * element by element (slower still, measured), so on wasm this is a kernel of its own, RowSlice: the
 * Slice kernel's contiguous case reading the input in place on the heap, one copy of the rows asked for.
 * The other backends keep tf.slice: on cpu it reads the values in place, on webgl and webgpu it stays on
 * the GPU.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

const ROW_SLICE = 'RfmRowSlice';
let registered = false;

function registerRowSlice(): void {
  if (registered) return;
  tf.registerKernel({
    kernelName: ROW_SLICE,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const wasm = backend as BackendWasm;
      const x = inputs.x!;
      const { start, count } = attrs as { start: number; count: number };
      const columns = x.shape[1]!;
      const out = wasm.makeOutput([count, columns], x.dtype);
      // Both views are taken after makeOutput: its allocation may grow the heap, which detaches older views.
      wasm.typedArrayFromHeap(out).set(wasm.typedArrayFromHeap(x).subarray(start * columns, (start + count) * columns));
      return out;
    },
  });
  registered = true;
}

/** Rows [start, start + count) of x, all columns, as a new tensor. */
export function sliceRows(x: tf.Tensor2D, start: number, count: number): tf.Tensor2D {
  if (!(start >= 0 && count >= 0 && start + count <= x.shape[0]))
    throw new Error(`sliceRows: rows ${start}..${start + count} of ${x.shape[0]}`);
  if (tf.getBackend() !== 'wasm' || x.dtype === 'string') return tf.slice(x, [start, 0], [count, -1]);
  registerRowSlice();
  return tf.engine().runKernel<tf.Tensor2D>(ROW_SLICE, { x }, { start, count });
}
