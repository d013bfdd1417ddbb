/**
 * What the CLI prints for each iteration (the one-line progress summary for stderr); the JSON record it
 * writes lives in export/runJson.ts, shared with the app's Download JSON.
 */
import type { IterationRecord } from '../core/types';
export { formatJson, iterationToJson, runSummary, type IterationJson } from '../export/runJson';

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** e.g. `iter 2/5  train MSE 1.234e-4  test MSE 2.101e-3  test acc 98.2%  0.41 s` */
export function progressLine(record: IterationRecord, iterations: number): string {
  const parts = [
    `iter ${record.iteration}/${iterations}${record.iteration === 0 ? ' (baseline, M = I)' : ''}`,
    `train MSE ${record.trainMse.toExponential(3)}`,
  ];
  if (record.testMse !== null) parts.push(`test MSE ${record.testMse.toExponential(3)}`);
  if (record.testAccuracy !== null) parts.push(`test acc ${(record.testAccuracy * 100).toFixed(1)}%`);
  else if (record.trainAccuracy !== null) parts.push(`train acc ${(record.trainAccuracy * 100).toFixed(1)}%`);
  if (record.validationMse !== null)
    parts.push(
      `val MSE ${record.validationMse.toExponential(3)}${record.bestIteration === record.iteration ? ' (best)' : ''}`,
    );
  if (record.jitter > 0) parts.push(`jitter ${record.jitter.toExponential(2)} added to the diagonal`);
  const total = Object.values(record.timings).reduce((sum, ms) => sum + ms, 0);
  parts.push(formatSeconds(total));
  if (record.featureMatrixProblem) parts.push(`\n  ${record.featureMatrixProblem}`);
  return parts.join('  ');
}
