/**
 * The one-line verdict over the iterations table: how the model that predicts (the best iteration on the
 * validation split, else the last one) compares with the baseline (iteration 0), or why there is no result
 * to claim (M collapsed).
 */
import type { IterationRecord } from '../../core';
import { formatValue } from '../../viz/format';

export interface Headline {
  text: string;
  /** A problem, not a result: shown as a warning. */
  warning: boolean;
}

/** The record whose model predicts: the best iteration's with a validation split, else the latest. */
export function predictingRecord(records: readonly IterationRecord[]): IterationRecord | null {
  const latest = records.at(-1);
  if (!latest) return null;
  if (latest.bestIteration === null) return latest;
  return records.find((r) => r.iteration === latest.bestIteration) ?? latest;
}

export function headline(records: readonly IterationRecord[]): Headline | null {
  const problem = records.find((r) => r.featureMatrixProblem !== null)?.featureMatrixProblem;
  if (problem) return { text: problem, warning: true };
  const baseline = records[0];
  const chosen = predictingRecord(records);
  const latest = records.at(-1);
  if (!baseline || !chosen || latest === baseline || baseline.testMse === null || chosen.testMse === null) return null;
  const where = latest?.bestIteration !== null ? ` (best iteration ${chosen.iteration}, by validation)` : '';
  const verdict =
    chosen.testMse < baseline.testMse
      ? `${formatValue(baseline.testMse / chosen.testMse)}× lower than the baseline`
      : 'no better than the baseline';
  return {
    text: `test MSE ${formatValue(baseline.testMse)} → ${formatValue(chosen.testMse)}${where} (${verdict})`,
    warning: false,
  };
}
