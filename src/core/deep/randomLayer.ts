/**
 * The random layers of Deep RFM: W_l [width, d_l], entries uniform in [-1/sqrt(d_l), 1/sqrt(d_l)), drawn
 * row by row from the run's seeded generator (scripts/deeprfm_reference.py draws the same numbers).
 */
import type { Random } from '../random';

/** W_l^T as row-major [d, width] float32: the right operand of X W^T, so the product needs no transpose. */
export function randomLayerTransposed(random: Random, width: number, d: number): Float32Array {
  const scale = 1 / Math.sqrt(d);
  const wt = new Float32Array(d * width);
  for (let r = 0; r < width; r++) for (let c = 0; c < d; c++) wt[c * width + r] = (2 * random.uniform() - 1) * scale;
  return wt;
}

/** W_1 .. W_D (transposed) for inputs of dimension d: what both stacks of one run multiply by. */
export function randomLayers(random: Random, d: number, depth: number, width: number): Float32Array[] {
  const layers: Float32Array[] = [];
  for (let l = 0; l < depth; l++) {
    layers.push(randomLayerTransposed(random, width, l === 0 ? d : width));
  }
  return layers;
}
