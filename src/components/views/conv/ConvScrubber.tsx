/** The iteration scrubber of the ConvRFM views (shares the view slice's selected iteration with M's heatmap). */
import { useAppStore } from '../../../store/store';
import { IterationScrubber } from '../../panels/IterationScrubber';
import { selectConvRecords, selectShownConvIndex } from './convSelectors';

export function ConvScrubber({ testId }: { testId: string }) {
  const count = useAppStore((s) => selectConvRecords(s).length);
  const shown = useAppStore(selectShownConvIndex);
  const selectIteration = useAppStore((s) => s.selectIteration);
  // An embed with controls=none shows no scrubber (the "run" controls include it).
  const scrubbable = useAppStore((s) => !(s.view.embed && s.view.controls === 'none'));
  return (
    <IterationScrubber
      label="ConvRFM iteration shown"
      testId={testId}
      textTestId={`${testId}-label`}
      hidden={!scrubbable}
      count={count}
      shown={shown}
      onSelect={selectIteration}
      text={
        shown < 0
          ? 'no iterations yet'
          : `iteration ${shown}${shown === 0 ? ' (M = I: the fixed convolutional kernel)' : ''}`
      }
    />
  );
}
