/** Train and test accuracy by iteration for a classification run; iteration 0 is the plain kernel machine. */
import type { AppState } from '../../../store/store';
import { AccuracyPanel, type AccuracyMarker } from '../../panels/AccuracyPanel';
import { selectRecords } from '../../../store/selectors';

const baselineMarker = (s: AppState): AccuracyMarker | null =>
  selectRecords(s).length > 0 ? { x: 0, label: `baseline (${s.params.kernel} kernel, M = I)` } : null;

export function ClassificationAccuracyPanel() {
  return <AccuracyPanel testId="accuracy-chart-tabular" marker={baselineMarker} />;
}
