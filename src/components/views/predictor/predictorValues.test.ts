import { describe, expect, it } from 'vitest';
import type { PredictorView } from '../../../protocol/predictorMessages';
import { describePredictor, predictorValues } from './predictorValues';

const points = { x: new Float32Array(0), value: new Float32Array(0), n: 0 };
const curve: PredictorView = {
  iteration: 2,
  d: 1,
  axes: [0],
  axisNames: ['x1'],
  axisValues: [Float32Array.from([-1, 0, 1])],
  values: Float32Array.from([0.5, 0.25, -0.125]),
  truth: Float32Array.from([0.5, 0, -0.5]),
  fixed: Float32Array.from([0]),
  task: 'value',
  classLabels: null,
  train: { ...points, n: 12 },
  test: points,
};
const surface: PredictorView = {
  ...curve,
  d: 4,
  axes: [2, 3],
  axisNames: ['petal length', 'petal width'],
  axisValues: [Float32Array.from([1, 2]), Float32Array.from([10, 20])],
  values: Float32Array.from([0, 1, 2, 2]),
  truth: null,
  task: 'class',
  classLabels: ['setosa', 'versicolor', 'virginica'],
};

describe('the predictor panel’s values', () => {
  it('lists every grid point of a curve with the learned and the true f', () => {
    const table = predictorValues(curve);
    expect(table.columns).toEqual(['x1', 'learned f', 'true f']);
    expect(table.rows).toEqual([
      ['-1', '0.5', '0.5'],
      ['0', '0.25', '0'],
      ['1', '-0.125', '-0.5'],
    ]);
    expect(table.note).toBeUndefined();
  });

  it('names the predicted class at each point of a surface, the first axis varying fastest', () => {
    const table = predictorValues(surface);
    expect(table.columns).toEqual(['petal length', 'petal width', 'predicted class']);
    expect(table.rows.map((r) => r.join(' '))).toEqual([
      '1 10 setosa',
      '2 10 versicolor',
      '1 20 virginica',
      '2 20 virginica',
    ]);
    expect(table.note).toBe('The other 2 coordinates are held at their training means.');
  });

  it('says what is drawn and where a slice is held', () => {
    expect(describePredictor(curve)).toBe(
      'Iteration 2: the learned f against x1 over 3 grid points, 12 training points, and the true f dashed.',
    );
    expect(describePredictor(surface)).toContain(
      'the predicted class over petal length (horizontal) and petal width (vertical)',
    );
    expect(describePredictor(surface)).toContain('the other 2 coordinates are held at their training means');
  });
});
