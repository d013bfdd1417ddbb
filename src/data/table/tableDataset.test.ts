import { describe, expect, it } from 'vitest';
import { DataError } from '../errors';
import { MAX_CSV_BYTES, MAX_CSV_ROWS, maxTableRows } from './csvHeader';
import { CsvError } from './parseCsv';
import { standardiseFeatures } from './standardise';
import { datasetFromCsvText, type TabularOptions } from './tableDataset';

const options = (over: Partial<TabularOptions> = {}): TabularOptions => ({
  target: '',
  task: 'regression',
  standardise: false,
  testShare: 0.25,
  seed: 1,
  ...over,
});

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

/** A CSV of `rows` rows: a = i, b = 10 i, y = i mod 3. */
function table(rows: number): string {
  return ['a,b,y', ...Array.from({ length: rows }, (_, i) => `${i},${10 * i},${i % 3}`)].join('\n');
}

const rowsOf = (x: Float32Array, d: number) =>
  Array.from({ length: x.length / d }, (_, i) => Array.from(x.subarray(i * d, (i + 1) * d)));

describe('datasetFromCsvText', () => {
  it('takes the last column as the target when none is named, and the others as features', () => {
    const data = datasetFromCsvText('t.csv', table(8), options());
    expect(data.featureNames).toEqual(['a', 'b']);
    expect([data.d, data.c, data.nTrain, data.nTest]).toEqual([2, 1, 6, 2]);
    expect(data.accuracy).toBe('none');
    expect(data.layout).toEqual({ kind: 'vector' });
    // Every row keeps its own target: y = a mod 3.
    const x = rowsOf(data.xTrain, 2);
    x.forEach(([a], i) => expect(data.yTrain[i]).toBe(a! % 3));
  });

  it('splits the rows by a seeded shuffle: the same seed gives the same split, another seed another', () => {
    const first = datasetFromCsvText('t.csv', table(40), options({ seed: 7 }));
    const again = datasetFromCsvText('t.csv', table(40), options({ seed: 7 }));
    const other = datasetFromCsvText('t.csv', table(40), options({ seed: 8 }));
    expect(again.xTrain).toEqual(first.xTrain);
    expect(again.xTest).toEqual(first.xTest);
    expect(other.xTest).not.toEqual(first.xTest);
    // The two parts cover every row exactly once.
    const seen = [...rowsOf(first.xTrain, 2), ...rowsOf(first.xTest, 2)].map(([a]) => a).sort((p, q) => p! - q!);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(first.nTest).toBe(10);
  });

  it('accepts several comma-separated targets and matches names ignoring case', () => {
    const data = datasetFromCsvText('t.csv', 'x,Y1,y2\n1,2,3\n4,5,6\n7,8,9\n', options({ target: 'y1, Y2' }));
    expect(data.featureNames).toEqual(['x']);
    expect(data.c).toBe(2);
    const pairs = rowsOf(data.yTrain, 2);
    for (const [y1, y2] of pairs) expect(y2! - y1!).toBe(1);
  });

  it('lists the available columns when the target column is missing', () => {
    const error = thrown(() => datasetFromCsvText('t.csv', table(4), options({ target: 'price' })));
    expect(error).toBeInstanceOf(CsvError);
    expect(error.message).toBe('The target column "price" is not in t.csv; its columns are "a", "b", "y".');
  });

  it('names the row and column of a non-numeric cell and of a missing value', () => {
    expect(thrown(() => datasetFromCsvText('bad.csv', 'a,b,y\n1,2,3\n4,abc,6\n', options())).message).toBe(
      'bad.csv, row 3, column "b": "abc" is not a number.',
    );
    const missing = thrown(() => datasetFromCsvText('bad.csv', 'a,b,y\n1,2,3\n4,5,6\n7,,9\n', options()));
    expect(missing).toMatchObject({ row: 4, column: 'b' });
    expect(missing.message).toBe('bad.csv, row 4, column "b": the value is missing.');
  });

  it('rejects a file with a single data row', () => {
    expect(thrown(() => datasetFromCsvText('one.csv', 'a,y\n1,2\n', options())).message).toBe(
      'one.csv has a single data row; it needs at least two (one to train on and one to test).',
    );
  });

  it('rejects a file over the size limit and one with too many rows, saying the limit', () => {
    const big = `a,y\n${'1,2\n'.repeat(MAX_CSV_BYTES / 4 + 1)}`;
    const error = thrown(() => datasetFromCsvText('big.csv', big, options()));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toMatch(/^big\.csv is 64 MB; the largest CSV accepted is 64 MB/);
    const long = table(MAX_CSV_ROWS + 1);
    expect(thrown(() => datasetFromCsvText('long.csv', long, options())).message).toMatch(
      /^long\.csv has 13,001 data rows; at most 13,000 can train here/,
    );
  });

  it('takes more rows than one kernel holds when a leaf size lets them train as a tree, up to the tree limit', () => {
    const treeRows = maxTableRows(4000);
    expect(datasetFromCsvText('long.csv', table(MAX_CSV_ROWS + 1), options({ maxRows: treeRows })).nTrain).toBe(
      MAX_CSV_ROWS + 1 - Math.round((MAX_CSV_ROWS + 1) * 0.25),
    );
    expect(
      thrown(() => datasetFromCsvText('huge.csv', table(treeRows + 1), options({ maxRows: treeRows }))).message,
    ).toMatch(/^huge\.csv has 250,001 data rows; at most 250,000 can train here as a tree of RFMs/);
  });

  it('one-hot encodes an integer label column for classification, with its labels as class names', () => {
    const data = datasetFromCsvText('t.csv', table(30), options({ task: 'classification' }));
    expect(data.c).toBe(3);
    expect(data.classLabels).toEqual(['0', '1', '2']);
    expect(data.accuracy).toBe('argmax');
    rowsOf(data.xTrain, 2).forEach(([a], i) => {
      const row = Array.from(data.yTrain.subarray(i * 3, i * 3 + 3));
      expect(row).toEqual([0, 1, 2].map((k) => (k === a! % 3 ? 1 : 0)));
    });
  });

  it("names the file's row of a label that is not an integer", () => {
    const text = 'a,y\n1,0\n2,1\n3,1.5\n4,0\n';
    const error = thrown(() => datasetFromCsvText('t.csv', text, options({ task: 'classification' })));
    expect(error).toMatchObject({ row: 4, column: 'y' });
    expect(error.message).toMatch(/^t\.csv, row 4, column "y": 1\.5 is not an integer class label/);
  });

  it('accepts text class labels in a classification target, one-hot over their sorted names', () => {
    const text = 'x,animal\n1,cat\n2,dog\n3, cat\n4,bird\n5,dog\n6,cat\n';
    const data = datasetFromCsvText('t.csv', text, options({ task: 'classification', testShare: 0.5 }));
    expect(data.classLabels).toEqual(['bird', 'cat', 'dog']);
    expect(data.c).toBe(3);
    const label = (y: Float32Array, i: number) =>
      data.classLabels![Array.from(y.subarray(i * 3, i * 3 + 3)).indexOf(1)];
    const byX = new Map<number, string>();
    for (let i = 0; i < data.nTrain; i++) byX.set(data.xTrain[i]!, label(data.yTrain, i)!);
    for (let i = 0; i < data.nTest; i++) byX.set(data.xTest[i]!, label(data.yTest, i)!);
    expect([...byX.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l)).toEqual([
      'cat',
      'dog',
      'cat',
      'bird',
      'dog',
      'cat',
    ]);
  });

  it('names the row of a missing text label, and refuses text in a regression target or a feature', () => {
    const classify = options({ task: 'classification' });
    expect(thrown(() => datasetFromCsvText('t.csv', 'x,y\n1,cat\n2,\n3,dog\n', classify)).message).toBe(
      't.csv, row 3, column "y": the class label is missing.',
    );
    expect(thrown(() => datasetFromCsvText('t.csv', 'x,y\n1,cat\n2,dog\n', options())).message).toBe(
      't.csv, row 2, column "y": "cat" is not a number.',
    );
    expect(thrown(() => datasetFromCsvText('t.csv', 'x,y\nred,0\nblue,1\n', classify)).message).toBe(
      't.csv, row 2, column "x": "red" is not a number.',
    );
  });

  it('treats several classification targets as one-hot columns named after them', () => {
    const text = 'x,cat,dog\n1,1,0\n2,0,1\n3,1,0\n4,0,1\n';
    const data = datasetFromCsvText('t.csv', text, options({ task: 'classification', target: 'cat,dog' }));
    expect(data.classLabels).toEqual(['cat', 'dog']);
    expect(data.c).toBe(2);
  });
});

describe('standardisation', () => {
  it("scales features with the training split's mean and standard deviation only", () => {
    const data = datasetFromCsvText('t.csv', table(20), options({ standardise: true, seed: 3 }));
    const raw = datasetFromCsvText('t.csv', table(20), options({ standardise: false, seed: 3 }));
    const column = (x: Float32Array, j: number) => Array.from({ length: x.length / 2 }, (_, i) => x[i * 2 + j]!);
    for (const j of [0, 1]) {
      const train = column(raw.xTrain, j);
      const mean = train.reduce((s, v) => s + v, 0) / train.length;
      const std = Math.sqrt(train.reduce((s, v) => s + (v - mean) ** 2, 0) / train.length);
      const scaled = column(data.xTrain, j);
      expect(scaled.reduce((s, v) => s + v, 0) / scaled.length).toBeCloseTo(0, 5);
      expect(Math.sqrt(scaled.reduce((s, v) => s + v * v, 0) / scaled.length)).toBeCloseTo(1, 5);
      // Test rows use the training statistics, not their own.
      column(raw.xTest, j).forEach((v, i) => expect(data.xTest[i * 2 + j]).toBeCloseTo((v - mean) / std, 5));
    }
    // Targets are left alone.
    expect(data.yTrain).toEqual(raw.yTrain);
  });

  it('leaves a constant column at 0 instead of dividing by 0', () => {
    const text = ['c,a,y', ...Array.from({ length: 10 }, (_, i) => `0.1,${i},${i}`)].join('\n');
    const data = datasetFromCsvText('t.csv', text, options({ standardise: true }));
    for (let i = 0; i < data.nTrain; i++) expect(data.xTrain[i * 2]).toBe(0);
    expect(Array.from(data.xTest).every(Number.isFinite)).toBe(true);
  });

  it('returns new arrays and keeps the rest of the data set', () => {
    const data = datasetFromCsvText('t.csv', table(6), options());
    const scaled = standardiseFeatures(data);
    expect(scaled.xTrain).not.toBe(data.xTrain);
    expect(scaled.featureNames).toEqual(data.featureNames);
  });
});
