/** The headline over the charts: the baseline against the model that predicts, or the warning instead. */
import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../core';
import { headline } from './headline';
import { recordForTests } from '../../core/testing/recordForTests';

function record(iteration: number, testMse: number, extra: Partial<IterationRecord> = {}): IterationRecord {
  return recordForTests({ iteration, testMse, ...extra });
}

describe('the headline', () => {
  it('compares the last iteration with the baseline', () => {
    expect(headline([record(0, 0.8), record(1, 0.2)])).toEqual({
      text: 'test MSE 0.8 → 0.2 (4× lower than the baseline)',
      warning: false,
    });
  });

  it('compares the best iteration when a validation split chose it', () => {
    const records = [
      record(0, 0.8, { bestIteration: 0 }),
      record(1, 0.4, { bestIteration: 1 }),
      record(2, 0.5, { bestIteration: 1 }),
    ];
    expect(headline(records)?.text).toBe(
      'test MSE 0.8 → 0.4 (best iteration 1, by validation) (2× lower than the baseline)',
    );
  });

  it('warns instead of claiming an improvement when M collapsed', () => {
    // With L = 0.01 the test MSE still fell (1.59x) while the model had become a constant.
    const problem = 'M collapsed to zero at iteration 1: ...';
    const result = headline([record(0, 23.2), record(1, 13.3, { featureMatrixProblem: problem })]);
    expect(result).toEqual({ text: problem, warning: true });
  });
});
