/**
 * The AGOP's one-hot strategy (agopBatches.ts): when X is made of one-hot groups, the gradients are summed
 * by value on the CPU (wasm/oneHotSums.ts) from W and alpha, and their outer products formed on the backend
 * in chunks of gradient columns.
 */
import * as tf from '@tensorflow/tfjs';
import { matMulTransposeB } from './linalg/products';
import type { OneHotGroup } from './oneHotGroups';
import { prepareOneHotChunks } from './wasm/oneHotSums';
import type { AgopBatch, AgopStrategy, BatchMeans, GramSum } from './agopBatches';

/**
 * Gradient columns (rows x outputs) per product on the one-hot path. U^T U over all of a batch at once,
 * [d, 113,521] at p = 61, took 0.58-0.72 s per AGOP on the wasm backend (~5 GFLOP/s: its long operands
 * streamed from memory for every tile of the product), in chunks of 4,096 columns 0.35-0.43 s (2,048 and
 * 8,192 did as well; Node, one core). Each chunk is also centred on its own mean (combined exactly by
 * BatchMeans), which rounds less: at p = 61 the AGOP's relative error against a float64 sum from the same W
 * and alpha fell from 7e-5 to 2e-6.
 */
const ONE_HOT_CHUNK_COLUMNS = 4096;

export async function oneHotStrategy(
  x: tf.Tensor2D,
  alpha: tf.Tensor2D,
  groups: readonly OneHotGroup[],
  centering: boolean,
  chunkColumns = ONE_HOT_CHUNK_COLUMNS,
): Promise<AgopStrategy> {
  const [n, d] = x.shape;
  const c = alpha.shape[1];
  const alphaValues = (await alpha.data()) as Float32Array;
  return {
    // No alpha (x) X tensor is held: all outputs at once.
    outputsPerGroup: c,
    async addBatch({ rows, weights }: AgopBatch, gram: GramSum, means: BatchMeans | null) {
      const b = rows.length;
      const w = tf.tidy(() => weights(tf.tensor1d(rows, 'int32')));
      const wValues = (await w.data()) as Float32Array;
      w.dispose();
      const chunks = prepareOneHotChunks({ w: wValues, rows, alpha: alphaValues, n, c, d, groups });
      // The batch's rows in chunks of ~chunkColumns gradient columns each (see ONE_HOT_CHUNK_COLUMNS).
      const chunkRows = Math.max(1, Math.floor(chunkColumns / c));
      for (let i0 = 0; i0 < b; i0 += chunkRows) {
        const rowsHere = Math.min(chunkRows, b - i0);
        // Centred, as the dense path, on this chunk's own mean gradient per output; combined later.
        const { ut, sums } = chunks.chunk(i0, rowsHere, centering);
        // ut may be a view of the kernel's memory: the product reads it before the next chunk is made.
        gram.add(() => {
          const flatTransposed = tf.tensor2d(ut, [d, ut.length / d]);
          return matMulTransposeB(flatTransposed, flatTransposed);
        });
        if (sums) means?.add(sums, rowsHere);
      }
    },
  };
}
