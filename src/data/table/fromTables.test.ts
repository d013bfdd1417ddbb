import { describe, expect, it } from 'vitest';
import { CsvError, datasetFromCsv, parseNumericCsv, splitFeaturesAndTargets } from './fromTables';

function csvError(fn: () => unknown): CsvError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('expected a CsvError');
}

const parse = (text: string, name = 'train.csv') => parseNumericCsv(text, { name });

describe('parseNumericCsv', () => {
  it('reads a header and rows of numbers into a row-major array', () => {
    const table = parse('x1,x2,y\n1,2,3\n-4.5,6e-1,.5\n');
    expect(table.columns).toEqual(['x1', 'x2', 'y']);
    expect(table.rows).toBe(2);
    expect(Array.from(table.values)).toEqual([1, 2, 3, -4.5, 0.6, 0.5]);
  });

  it('accepts Windows line endings, a byte-order mark, spaces around cells and quoted numbers', () => {
    const table = parse('\uFEFF a , b \r\n 1 ,"2"\r\n3,4\r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(Array.from(table.values)).toEqual([1, 2, 3, 4]);
  });

  it('names the file, the spreadsheet row and the column of a non-numeric cell', () => {
    const error = csvError(() => parse('x1,x2,y\n1,2,3\n4,abc,6\n'));
    expect(error.message).toBe('train.csv, row 3, column "x2": "abc" is not a number.');
    expect(error).toMatchObject({ file: 'train.csv', row: 3, column: 'x2' });
  });

  it('names the row and column of a missing value', () => {
    expect(csvError(() => parse('x1,y\n1,2\n3,\n')).message).toBe(
      'train.csv, row 3, column "y": the value is missing.',
    );
    expect(csvError(() => parse('x1,y\nNA,2\n')).message).toBe(
      'train.csv, row 2, column "x1": the value is missing (NA).',
    );
  });

  it('rejects a ragged row and says how many values it has', () => {
    const error = csvError(() => parse('a,b,c\n1,2,3\n4,5\n'));
    expect(error.message).toBe('train.csv, row 3: 2 values, but the header has 3 columns.');
    expect(error.row).toBe(3);
  });

  it('rejects an empty file and a file with only a header', () => {
    expect(csvError(() => parse('')).message).toBe('train.csv is empty; expected a header row and rows of numbers.');
    expect(csvError(() => parse('\n\n')).message).toMatch(/is empty/);
    expect(csvError(() => parse('x1,y\n')).message).toBe('train.csv has a header row but no data rows.');
  });

  it('rejects a file whose first row is data rather than column names', () => {
    expect(csvError(() => parse('1,2\n3,4\n')).message).toMatch(/row 1: the first row holds numbers, not column names/);
  });

  it('rejects duplicate and empty column names', () => {
    expect(csvError(() => parse('a,b,a\n1,2,3\n')).message).toMatch(/"a" appears twice \(columns 1 and 3\)/);
    expect(csvError(() => parse('a,,c\n1,2,3\n')).message).toMatch(/column 2 has no name/);
  });

  it('rejects a blank line inside the data but ignores trailing blank lines', () => {
    expect(csvError(() => parse('a,b\n1,2\n\n3,4\n')).message).toBe('train.csv, row 3: the row is empty.');
    expect(parse('a,b\n1,2\n\n\n').rows).toBe(1);
  });

  it('rejects infinite values', () => {
    expect(csvError(() => parse('a\n1e999\n')).message).toMatch(/row 2, column "a": 1e999 is too large/);
    expect(csvError(() => parse('a\nInfinity\n')).message).toMatch(/"Infinity" is not a number/);
  });
});

describe('splitFeaturesAndTargets', () => {
  const table = parse('x1,y,x2,z\n1,2,3,4\n5,6,7,8\n');

  it('takes the named targets and keeps every other column as a feature', () => {
    const split = splitFeaturesAndTargets(table, ['z', 'y']);
    expect(split.featureNames).toEqual(['x1', 'x2']);
    expect(split.targetNames).toEqual(['z', 'y']);
    expect(Array.from(split.x)).toEqual([1, 3, 5, 7]);
    expect(Array.from(split.y)).toEqual([4, 2, 8, 6]);
  });

  it('names a missing target column and lists the available ones', () => {
    expect(csvError(() => splitFeaturesAndTargets(table, ['target'])).message).toBe(
      'The target column "target" is not in train.csv; its columns are "x1", "y", "x2", "z".',
    );
  });

  it('refuses to leave no feature columns', () => {
    expect(() => splitFeaturesAndTargets(table, ['x1', 'y', 'x2', 'z'])).toThrow(/no feature columns/);
  });
});

describe('datasetFromCsv', () => {
  const train = parse('x1,x2,y\n1,2,0\n3,4,1\n5,6,2\n');

  it('builds a regression Dataset with no test set', () => {
    const data = datasetFromCsv(train, null, ['y']);
    expect(data).toMatchObject({
      nTrain: 3,
      nTest: 0,
      d: 2,
      c: 1,
      accuracy: 'none',
      featureNames: ['x1', 'x2'],
      classValues: null,
    });
    expect(Array.from(data.xTrain)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.yTrain)).toEqual([0, 1, 2]);
    expect(data.xTest).toHaveLength(0);
  });

  it('reorders the test columns by name to match the training file', () => {
    const test = parse('y,x2,x1\n9,8,7\n', 'test.csv');
    const data = datasetFromCsv(train, test, ['y']);
    expect(Array.from(data.xTest)).toEqual([7, 8]);
    expect(Array.from(data.yTest)).toEqual([9]);
  });

  it('says which columns differ between the two files', () => {
    const test = parse('x1,x3,y\n1,2,3\n', 'test.csv');
    expect(csvError(() => datasetFromCsv(train, test, ['y'])).message).toBe(
      'train.csv and test.csv must have the same columns: test.csv lacks "x2"; test.csv has "x3" that train.csv lacks.',
    );
  });

  it('one-hot encodes a column of integer labels for classification', () => {
    const test = parse('x1,x2,y\n0,0,2\n', 'test.csv');
    const data = datasetFromCsv(train, test, ['y'], { task: 'classification' });
    expect(data).toMatchObject({ c: 3, accuracy: 'argmax', classValues: [0, 1, 2], classLabels: ['0', '1', '2'] });
    expect(Array.from(data.yTrain)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(Array.from(data.yTest)).toEqual([0, 0, 1]);
  });

  it('takes several target columns as one-hot already for classification', () => {
    const oneHot = parse('x1,a,b\n1,1,0\n2,0,1\n');
    const data = datasetFromCsv(oneHot, null, ['a', 'b'], { task: 'classification' });
    expect(data).toMatchObject({ c: 2, d: 1, accuracy: 'argmax', classValues: null });
    expect(Array.from(data.yTrain)).toEqual([1, 0, 0, 1]);
  });

  it('names the row and column of a label that is not an integer', () => {
    const bad = parse('x1,y\n1,0\n2,0.5\n');
    const error = csvError(() => datasetFromCsv(bad, null, ['y'], { task: 'classification' }));
    expect(error.message).toMatch(/^train.csv, row 3, column "y": 0.5 is not an integer class label/);
  });

  it('refuses classification with a single class', () => {
    const one = parse('x1,y\n1,1\n2,1\n');
    expect(() => datasetFromCsv(one, null, ['y'], { task: 'classification' })).toThrow(/single class/);
  });
});
