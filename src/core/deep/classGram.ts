/**
 * The Gram matrix a Deep RFM view draws at a chosen layer (docs/deeprfm.md): the features centred on their
 * global mean, every row scaled to unit length, rows ordered by class (stable within a class), so that
 * G_ij is the cosine between points i and j. As the classes collapse, blocks of ~1 appear on the diagonal
 * and the off-diagonal blocks approach -1/(K-1), the simplex. The mean is taken and subtracted in float64
 * on the CPU (n d work); the n^2 d product of the unit rows runs on the backend in float32 (in JS float64 it
 * took ~0.6 s a layer at n = 500, d = 784, a third of a Deep RFM layer).
 */
import * as tf from '@tensorflow/tfjs';
import { unitRows } from './deepInputs';

export interface ClassGram {
  /** [n, n] row-major, cosines in [-1, 1] (0 on a row that is the mean). */
  gram: Float32Array;
  n: number;
  /** Point index of each row of `gram`. */
  order: Int32Array;
  /** Where each class's rows start, and the end: [classes + 1]. */
  classStarts: Int32Array;
}

/** x: [n, d] row-major features (e.g. from trainDeepRfm's features hook); labels: class of each row. */
export async function classSortedGram(
  x: ArrayLike<number>,
  n: number,
  d: number,
  labels: Int32Array,
  classes: number,
): Promise<ClassGram> {
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => labels[i]! - labels[j]! || i - j);
  const classStarts = new Int32Array(classes + 1);
  for (const c of labels) classStarts[c + 1]!++;
  for (let c = 0; c < classes; c++) classStarts[c + 1] = classStarts[c + 1]! + classStarts[c]!;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = mean[j]! + (x[i * d + j] as number) / n;
  const rows = new Float32Array(n * d);
  order.forEach((point, row) => {
    for (let j = 0; j < d; j++) rows[row * d + j] = (x[point * d + j] as number) - mean[j]!;
  });
  const product = tf.tidy(() => {
    const unit = unitRows(tf.tensor2d(rows, [n, d]));
    return tf.matMul(unit, unit, false, true);
  });
  try {
    return { gram: (await product.data()) as Float32Array, n, order, classStarts };
  } finally {
    product.dispose();
  }
}
