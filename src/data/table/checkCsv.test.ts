import { describe, expect, it } from 'vitest';
import type { TabularOptions } from './tableDataset';
import { checkCsv } from './checkCsv';

const options: TabularOptions = { target: '', task: 'regression', standardise: false, testShare: 0.2, seed: 1 };
const csv = (rows: number) =>
  ['x1,x2,y', ...Array.from({ length: rows }, (_, i) => `${i},${i % 7},${i % 5}`)].join('\n');

describe('checkCsv', () => {
  it('passes a good file with its size, and names the problem of a bad one', () => {
    expect(checkCsv({ name: 'a.csv', text: csv(10), options, sampleRows: null })).toMatchObject({
      ok: true,
      rows: 10,
      d: 2,
      c: 1,
    });
    expect(checkCsv({ name: 'a.csv', text: 'x,y\n1,2\n3,\n', options, sampleRows: null })).toEqual({
      ok: false,
      message: 'a.csv, row 3, column "y": the value is missing.',
      tooManyRows: null,
    });
  });

  it('reports the row count of a file over the limit, and samples it on request, the same rows for the same seed', () => {
    const text = csv(20_001);
    expect(checkCsv({ name: 'long.csv', text, options, sampleRows: null })).toMatchObject({
      ok: false,
      tooManyRows: 20_001,
    });
    const sampled = checkCsv({ name: 'long.csv', text, options, sampleRows: 5000 });
    expect(sampled).toMatchObject({ ok: true, name: 'long.csv (a random 5,000 of its 20,001 rows)', rows: 5000 });
    const again = checkCsv({ name: 'long.csv', text, options, sampleRows: 5000 });
    expect(again.ok && sampled.ok && again.text === sampled.text).toBe(true);
  });

  it('refuses a table too wide to train, with the numbers', () => {
    const header = [...Array.from({ length: 1600 }, (_, j) => `f${j}`), 'y'].join(',');
    const rows = Array.from({ length: 5 }, () => Array.from({ length: 1601 }, () => '1').join(','));
    const result = checkCsv({ name: 'wide.csv', text: [header, ...rows].join('\n'), options, sampleRows: null });
    expect(result).toMatchObject({ ok: false, tooManyRows: null });
    expect(!result.ok && result.message).toMatch(/^d = 1,600 input features is more than can train here/);
  });
});
