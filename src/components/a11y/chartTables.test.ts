import { describe, expect, it } from 'vitest';
import { lineChartValues } from './lineValues';
import { BLOCK, blockName, blockStarts, matrixBlockValues, squareMatrix } from './matrixBlocks';

describe('lineChartValues', () => {
  const data = {
    series: [
      {
        id: 'a',
        label: 'test MSE',
        points: [
          { x: 0, y: 0.5 },
          { x: 1, y: 0.25 },
          { x: 2, y: 0.125 },
        ],
      },
      { id: 'b', label: 'train MSE', points: [{ x: 1, y: 0.001234 }] },
      { id: 'empty', label: 'nothing', points: [] },
    ],
  };

  it('puts one row per x and one column per series with points, by x', () => {
    const table = lineChartValues(data, { xLabel: 'iteration', layout: 'byX' });
    expect(table.columns).toEqual(['iteration', 'test MSE', 'train MSE']);
    expect(table.rows).toEqual([
      ['0', '0.5', '–'],
      ['1', '0.25', '0.00123'],
      ['2', '0.125', '–'],
    ]);
  });

  it('puts one row per series and the first x as columns, by series, saying how many are left out', () => {
    const table = lineChartValues(data, { xLabel: 'index', layout: 'bySeries', maxColumns: 2 });
    expect(table.columns).toEqual(['index →', '0', '1']);
    expect(table.rows).toEqual([
      ['test MSE', '0.5', '0.25'],
      ['train MSE', '–', '0.00123'],
    ]);
    expect(table.note).toBe('The first 2 of 3 values of each line.');
  });
});

describe('matrix blocks', () => {
  const p = 37;
  const values = Float64Array.from({ length: p * p }, (_, k) => k);
  const ab = squareMatrix('ab', { values, d: p, title: 'M[a, b]' }, { row: (a) => `a = ${a}`, corner: 'a \\ b' });

  it('splits a side into blocks of BLOCK, named as a person counts', () => {
    expect(BLOCK).toBe(16);
    expect(blockStarts(p)).toEqual([0, 16, 32]);
    expect(blockName(16, p)).toBe('17–32 of 37');
    expect(blockName(32, p)).toBe('33–37 of 37');
    expect(blockName(0, 13)).toBe('13');
  });

  it('tabulates the chosen block with the row and column names and the real entries', () => {
    const table = matrixBlockValues(ab, 32, 16);
    expect(table.columns).toEqual(['a \\ b', ...Array.from({ length: 16 }, (_, j) => `x${17 + j}`)]);
    expect(table.rows).toHaveLength(5);
    expect(table.rows[0]![0]).toBe('a = x33');
    // Entry (32, 16) of the row-major matrix is 32 * 37 + 16.
    expect(table.rows[0]![1]).toBe(String(32 * p + 16));
    expect(table.note).toBe('Rows 33–37 of 37, columns 17–32 of 37: choose others above the table.');
  });

  it('shows a small matrix whole, without a note', () => {
    const small = squareMatrix('m', { values: [1, 2, 3, 4], d: 2, labels: ['u', 'v'] });
    const table = matrixBlockValues(small, 0, 0);
    expect(table.columns).toEqual(['row \\ column', 'u', 'v']);
    expect(table.rows).toEqual([
      ['u', '1', '2'],
      ['v', '3', '4'],
    ]);
    expect(table.note).toBeUndefined();
  });

  it('clamps a block past the end of a matrix that shrank', () => {
    const small = squareMatrix('m', { values: [1, 2, 3, 4], d: 2 });
    expect(matrixBlockValues(small, 32, 32).rows).toEqual([['x2', '4']]);
  });
});
