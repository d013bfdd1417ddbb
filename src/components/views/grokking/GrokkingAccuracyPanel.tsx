/**
 * Train and test accuracy by iteration on a linear axis, with the iteration where test accuracy first
 * reaches 99% marked, and that iteration as the panel's headline number.
 */
import { GENERALISED_ACCURACY } from '../../../core/analysis/grokking';
import { useAppStore, type AppState } from '../../../store/store';
import { AccuracyPanel, type AccuracyMarker } from '../../panels/AccuracyPanel';
import { selectJumpIteration, selectMaxTestAccuracy } from './grokkingSelectors';
import { grokkingHeadline } from '../../teach/grokkingStory';
import { selectRecords } from '../../../store/selectors';

const jumpMarker = (s: AppState): AccuracyMarker | null => {
  const jump = selectJumpIteration(s);
  return jump === null ? null : { x: jump, label: `test ≥ ${GENERALISED_ACCURACY * 100}%` };
};

export function GrokkingSummary() {
  const jump = useAppStore(selectJumpIteration);
  const best = useAppStore(selectMaxTestAccuracy);
  // A string: the headline re-renders only when its sentence changes.
  const text = useAppStore((s) => grokkingHeadline(selectRecords(s), s.status === 'finished'));
  return (
    <span
      className="headline"
      data-testid="grokking-summary"
      data-jump-iteration={jump ?? ''}
      data-max-test-acc={best ?? ''}
    >
      {text}
    </span>
  );
}

export function GrokkingAccuracyPanel() {
  return (
    <AccuracyPanel
      testId="accuracy-chart"
      marker={jumpMarker}
      headline={<GrokkingSummary />}
      caption="With λ = 0 the kernel machine interpolates, so train accuracy is 100% from the start. Test accuracy stays near 0 for several iterations while M changes quietly, then jumps to ~100%: grokking, without a neural network."
    />
  );
}
