/**
 * Row subsets of a Dataset: a leaf's training rows with the test rows routed to it, or the sample a split's
 * RFM is fitted on. Copies, in the order the row lists give, so a leaf holding every row in order is the
 * original data set value for value.
 */
import type { Dataset } from '../types';

function pickRows(source: Float32Array, width: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    out.set(source.subarray(i * width, (i + 1) * width), r * width);
  }
  return out;
}

/** The data set restricted to `trainRows` of its training rows and `testRows` of its test rows. */
export function subsetDataset(data: Dataset, trainRows: ArrayLike<number>, testRows: ArrayLike<number>): Dataset {
  const { d, c } = data;
  return {
    ...data,
    xTrain: pickRows(data.xTrain, d, trainRows),
    yTrain: pickRows(data.yTrain, c, trainRows),
    xTest: pickRows(data.xTest, d, testRows),
    yTest: pickRows(data.yTest, c, testRows),
    nTrain: trainRows.length,
    nTest: testRows.length,
  };
}
