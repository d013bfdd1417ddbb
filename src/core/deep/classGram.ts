/**
 * The Gram matrix a Deep RFM view draws at a chosen layer (docs/deeprfm.md): the features centred on their
 * global mean, every row scaled to unit length, rows ordered by class (stable within a class), so that
 * G_ij is the cosine between points i and j. As the classes collapse, blocks of ~1 appear on the diagonal
 * and the off-diagonal blocks approach -1/(K-1), the simplex. Float64 on the CPU; n^2 d work.
 */

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
export function classSortedGram(
  x: ArrayLike<number>,
  n: number,
  d: number,
  labels: Int32Array,
  classes: number,
): ClassGram {
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => labels[i]! - labels[j]! || i - j);
  const classStarts = new Int32Array(classes + 1);
  for (const c of labels) classStarts[c + 1]!++;
  for (let c = 0; c < classes; c++) classStarts[c + 1] = classStarts[c + 1]! + classStarts[c]!;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = mean[j]! + (x[i * d + j] as number) / n;
  const rows = new Float64Array(n * d);
  order.forEach((point, row) => {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const v = (x[point * d + j] as number) - mean[j]!;
      rows[row * d + j] = v;
      norm += v * v;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < d; j++) rows[row * d + j] = rows[row * d + j]! * scale;
  });
  const gram = new Float32Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b <= a; b++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += rows[a * d + j]! * rows[b * d + j]!;
      gram[a * n + b] = dot;
      gram[b * n + a] = dot;
    }
  return { gram, n, order, classStarts };
}
