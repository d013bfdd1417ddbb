import { describe, expect, it } from 'vitest';
import { checkRunFits, cpuBackendLimits } from '../../core/memory';
import { MAX_CSV_BYTES, MAX_CSV_ROWS, formatBytes, missingTargetMessage, readCsvHeader } from './csvHeader';

const problem = (text: string): string => {
  try {
    readCsvHeader('f.csv', text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('readCsvHeader', () => {
  it('reads the column names of the first line only, with quotes, a byte-order mark and CRLF', () => {
    expect(readCsvHeader('f.csv', '\uFEFF a ,"b, c","say ""hi"""\r\n1,2,3\r\nnot,even,read\n')).toEqual([
      'a',
      'b, c',
      'say "hi"',
    ]);
  });

  it('rejects an empty file, a header without rows, and a file without a header', () => {
    expect(problem('  \n')).toBe('f.csv is empty; expected a header row and rows of numbers.');
    expect(problem('x,y\n\n')).toBe('f.csv has a header row but no data rows.');
    expect(problem('1,2\n3,4\n')).toMatch(/^f\.csv, row 1: the first row holds numbers, not column names/);
  });

  it('rejects unnamed and repeated columns', () => {
    expect(problem('x,,y\n1,2,3\n')).toBe('f.csv, row 1: column 2 has no name in the header.');
    expect(problem('x,y,x\n1,2,3\n')).toBe('f.csv, row 1: the column name "x" appears twice (columns 1 and 3).');
  });

  it('rejects a single column and suggests commas when the file uses semicolons', () => {
    expect(problem('x;y\n1;2\n')).toBe(
      'f.csv has a single column ("x;y"); it needs feature columns and a target column, separated by commas (this file seems to use semicolons).',
    );
  });

  it('rejects a file over the size limit', () => {
    expect(problem('x,y\n'.padEnd(MAX_CSV_BYTES + 1, '1'))).toMatch(
      /^f\.csv is 64 MB; the largest CSV accepted is 64 MB \(and at most 13,000 rows with one kernel, 250,000 as a tree of RFMs\)/,
    );
    expect(formatBytes(MAX_CSV_BYTES)).toBe('64 MB');
  });
});

describe('the CSV limits agree with the memory check', () => {
  it('a file of MAX_CSV_ROWS rows trains on the wasm backend even with every row a training row', () => {
    // The limit was 20,000 rows: at the default 20% test share that is n = 16,000, which the memory check refused.
    expect(() => checkRunFits({ n: MAX_CSV_ROWS, nTest: 0, d: 100, c: 10 }, cpuBackendLimits('wasm'))).not.toThrow();
  });
});

describe('missingTargetMessage', () => {
  it('refuses a named target column the file lacks, naming the file and its columns', () => {
    expect(missingTargetMessage('a.csv', ['a', 'b', 'c'], 'y')).toBe(
      'The target column "y" is not in a.csv; its columns are "a", "b", "c". Choose one of them (or "last column") as the target, then load the file again.',
    );
    expect(missingTargetMessage('a.csv', ['a', 'b', 'c'], 'a, y')).toContain('"y" is not in a.csv');
  });

  it('names the first twelve columns of a wide file and counts the rest', () => {
    const columns = Array.from({ length: 2001 }, (_, j) => `f${j}`);
    const message = missingTargetMessage('wide.csv', columns, 'x2')!;
    expect(message).toContain('"f0", "f1",');
    expect(message).toContain('"f11", and 1,989 more.');
    expect(message).not.toContain('"f12"');
  });

  it('accepts the default target and columns the file has, ignoring case', () => {
    expect(missingTargetMessage('a.csv', ['a', 'B'], '')).toBeNull();
    expect(missingTargetMessage('a.csv', ['a', 'B'], 'b')).toBeNull();
  });
});
