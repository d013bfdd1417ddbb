/**
 * The q x q patches of a batch of images at stride 1 without padding, P = (height - q + 1)(width - q + 1)
 * positions, laid out position-major so that one position's patches of all images are a contiguous
 * [n, f] block (f = q^2 x channels): the patch kernel and AGOP work one position, or a run of positions, at
 * a time as batched products over that block.
 */
import type { ImageShape } from './convTypes';

export interface PatchGrid {
  /** Patch positions P. */
  positions: number;
  /** Values per patch f = q^2 x channels. */
  features: number;
}

export function patchGrid(image: ImageShape, q: number): PatchGrid {
  const rows = image.height - q + 1;
  const cols = image.width - q + 1;
  if (!Number.isInteger(q) || q < 1 || rows < 1 || cols < 1)
    throw new Error(`patch size ${q} does not fit a ${image.height} x ${image.width} image`);
  return { positions: rows * cols, features: q * q * image.channels };
}

/**
 * images: [n, height * width * channels] row-major, channels last. Returns [P, n, f]: entry (p, i, l) is
 * value l (row-major within the patch, channels last) of image i's patch at position p (row-major over the
 * positions). With `transposed`, [P, f, n] instead.
 */
export function extractPatches(
  images: ArrayLike<number>,
  n: number,
  image: ImageShape,
  q: number,
  transposed = false,
): Float32Array {
  const { positions, features } = patchGrid(image, q);
  const { width, channels } = image;
  const imageSize = image.height * width * channels;
  const cols = width - q + 1;
  const out = new Float32Array(positions * n * features);
  for (let p = 0; p < positions; p++) {
    const r0 = Math.floor(p / cols);
    const c0 = p % cols;
    for (let i = 0; i < n; i++) {
      let l = 0;
      for (let dr = 0; dr < q; dr++) {
        const start = i * imageSize + ((r0 + dr) * width + c0) * channels;
        for (let k = 0; k < q * channels; k++, l++) {
          const value = images[start + k] as number;
          if (transposed) out[(p * features + l) * n + i] = value;
          else out[(p * n + i) * features + l] = value;
        }
      }
    }
  }
  return out;
}
