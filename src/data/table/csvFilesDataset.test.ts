import { describe, expect, it } from 'vitest';
import { datasetFromCsvFiles, type CsvFilesOptions } from './csvFilesDataset';
import { datasetFromCsvText } from './tableDataset';

const classify: CsvFilesOptions = { target: 'animal', task: 'classification', standardise: false };

/** The class index each row's one-hot target marks. */
const classesOf = (y: Float32Array, c: number) =>
  Array.from({ length: y.length / c }, (_, i) => Array.from(y.subarray(i * c, (i + 1) * c)).indexOf(1));

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('datasetFromCsvFiles', () => {
  it('one-hot encodes text class labels, numbered alike in both files', () => {
    const train = { name: 'train.csv', text: 'w,animal\n1,cat\n2,dog\n3,bird\n4,cat\n' };
    // The test file holds no "bird": on its own the parser would number dog 1 here and 2 in train.csv.
    const test = { name: 'test.csv', text: 'w,animal\n5,dog\n6,cat\n' };
    const data = datasetFromCsvFiles(train, test, classify);
    expect(data).toMatchObject({ nTrain: 4, nTest: 2, d: 1, c: 3, accuracy: 'argmax' });
    expect(data.classLabels).toEqual(['bird', 'cat', 'dog']);
    expect(classesOf(data.yTrain, 3)).toEqual([1, 2, 0, 1]);
    expect(classesOf(data.yTest, 3)).toEqual([2, 1]);
  });

  it('gives the same classes as the app for one file', () => {
    const text = 'w,animal\n1,cat\n2,dog\n3,bird\n4,cat\n';
    const files = datasetFromCsvFiles({ name: 'a.csv', text }, null, classify);
    const app = datasetFromCsvText('a.csv', text, { ...classify, testShare: 0.25, seed: 1 });
    expect(files.classLabels).toEqual(app.classLabels);
    expect(files.nTest).toBe(0);
  });

  it('joins numeric labels in one file to text labels in the other by their text', () => {
    const train = { name: 'train.csv', text: 'w,animal\n1,cat\n2,7\n' };
    const test = { name: 'test.csv', text: 'w,animal\n3,7\n' };
    const data = datasetFromCsvFiles(train, test, classify);
    expect(data.classLabels).toEqual(['7', 'cat']);
    expect(classesOf(data.yTest, 2)).toEqual([0]);
  });

  it('standardises with the training file statistics only when asked', () => {
    const train = { name: 'train.csv', text: 'w,y\n1,0\n3,1\n' };
    const test = { name: 'test.csv', text: 'w,y\n5,0\n' };
    const plain = datasetFromCsvFiles(train, test, { target: 'y', task: 'regression', standardise: false });
    const scaled = datasetFromCsvFiles(train, test, { target: 'y', task: 'regression', standardise: true });
    expect(Array.from(plain.xTest)).toEqual([5]);
    expect(Array.from(scaled.xTrain)).toEqual([-1, 1]);
    expect(Array.from(scaled.xTest)).toEqual([3]);
  });

  it("names the file, row and column of a bad cell, as the app's pipeline does", () => {
    const good = { name: 'train.csv', text: 'w,animal\n1,cat\n2,dog\n' };
    const cases: [string, string][] = [
      ['w,animal\n1,cat\n2\n', 'test.csv, row 3: 1 value, but the header has 2 columns.'],
      ['w,animal\n1,cat\nx,dog\n', 'test.csv, row 3, column "w": "x" is not a number.'],
      ['w,animal\n1,cat\n2,\n', 'test.csv, row 3, column "animal": the class label is missing.'],
      ['w,animal\n', 'test.csv has a header row but no data rows.'],
      [
        'w,kind\n1,cat\n',
        'train.csv and test.csv must have the same columns: test.csv lacks "animal"; test.csv has "kind" that train.csv lacks.',
      ],
    ];
    for (const [text, message] of cases)
      expect(thrown(() => datasetFromCsvFiles(good, { name: 'test.csv', text }, classify)).message).toBe(message);
    // Text in a regression target is a bad number, not a label.
    expect(
      thrown(() => datasetFromCsvFiles(good, null, { target: 'animal', task: 'regression', standardise: false }))
        .message,
    ).toBe('train.csv, row 2, column "animal": "cat" is not a number.');
  });
});
