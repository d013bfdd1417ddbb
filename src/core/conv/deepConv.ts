/**
 * Deep ConvRFM, one step further (docs/convrfm.md): a layer of F random filters drawn from N(0, M),
 * w = M^(1/2) z with z ~ N(0, I), applied to every q x q patch (stride 1, no padding) and passed through a
 * ReLU, gives F-channel feature maps of side (height - q + 1) x (width - q + 1); ConvRFM then trains on those
 * maps. With M = I the filters are plain Gaussian noise (the control); with the learned M they are drawn
 * around its top eigenvectors (blob, edges). A few million multiply-adds on the CPU: no tensors.
 */
import { symmetricSqrt } from '../linalg/symmetricEigen';
import { createRandom } from '../random';
import type { ImageShape } from './convTypes';
import { patchGrid } from './patches';

/** The F filters [f, F] (column k is filter k), w = M^(1/2) z. */
export function randomFilters(m: Float64Array, f: number, count: number, seed: number): Float64Array {
  const root = symmetricSqrt(m, f);
  const random = createRandom(seed);
  const z = Float64Array.from({ length: f * count }, () => random.normal());
  const w = new Float64Array(f * count);
  for (let a = 0; a < f; a++)
    for (let k = 0; k < count; k++) {
      let sum = 0;
      for (let b = 0; b < f; b++) sum += root[a * f + b]! * z[b * count + k]!;
      w[a * count + k] = sum;
    }
  return w;
}

/**
 * images [n, height * width * channels] -> ReLU(patch . w_k) maps [n, rows * cols * F] (channels last), and
 * their shape.
 */
export function featureMaps(
  images: ArrayLike<number>,
  n: number,
  image: ImageShape,
  q: number,
  filters: Float64Array,
  count: number,
): { maps: Float32Array; shape: ImageShape } {
  const { features: f } = patchGrid(image, q);
  const rows = image.height - q + 1;
  const cols = image.width - q + 1;
  const { width, channels } = image;
  const imageSize = image.height * width * channels;
  const maps = new Float32Array(n * rows * cols * count);
  const patch = new Float64Array(f);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        let l = 0;
        for (let dr = 0; dr < q; dr++) {
          const start = i * imageSize + ((r + dr) * width + c) * channels;
          for (let k = 0; k < q * channels; k++) patch[l++] = images[start + k] as number;
        }
        const out = ((i * rows + r) * cols + c) * count;
        for (let k = 0; k < count; k++) {
          let sum = 0;
          for (let a = 0; a < f; a++) sum += patch[a]! * filters[a * count + k]!;
          maps[out + k] = Math.max(0, sum);
        }
      }
  return { maps, shape: { height: rows, width: cols, channels: count } };
}
