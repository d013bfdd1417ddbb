/** A run as CSV: one row per iteration (metrics, then wall time per phase in ms), for spreadsheets and pandas. */
import type { IterationRecord, Phase } from '../core/types';
import { csvField } from './csvField';

const PHASES: Phase[] = ['agop', 'kernel', 'solve', 'predict', 'spectrum'];
const HEADER = [
  'iteration',
  'baseline',
  'train_mse',
  'test_mse',
  'train_acc',
  'test_acc',
  'train_r2',
  'test_r2',
  'jitter',
  'solve_residual',
  ...PHASES.map((phase) => `${phase}_ms`),
  'total_ms',
  'backend',
];

/** Full precision for metrics (a value read back equals the app's); empty for values that do not exist. */
const cell = (value: number | null) => (value === null || !Number.isFinite(value) ? '' : String(value));
const ms = (value: number) => String(Math.round(value * 100) / 100);

export function runToCsv(records: readonly IterationRecord[]): string {
  const rows = records.map((r) => {
    const timings = PHASES.map((phase) => r.timings[phase]);
    return [
      String(r.iteration),
      r.iteration === 0 ? '1' : '0',
      cell(r.trainMse),
      cell(r.testMse),
      cell(r.trainAccuracy),
      cell(r.testAccuracy),
      cell(r.trainR2),
      cell(r.testR2),
      cell(r.jitter),
      cell(r.solveResidual),
      ...timings.map(ms),
      ms(timings.reduce((sum, t) => sum + t, 0)),
      csvField(r.backend),
    ].join(',');
  });
  return `${[HEADER.join(','), ...rows].join('\n')}\n`;
}
