/** The layer scrubber of the Deep RFM views (shares the view slice's selected iteration with the others). */
import { useAppStore } from '../../../store/store';
import { IterationScrubber } from '../../panels/IterationScrubber';
import { selectDeepLayerCount, selectShownDeepLayer } from './deepSelectors';

export function DeepLayerScrubber() {
  const count = useAppStore(selectDeepLayerCount);
  const shown = useAppStore(selectShownDeepLayer);
  const depth = useAppStore((s) => s.params.depth);
  const selectIteration = useAppStore((s) => s.selectIteration);
  return (
    <IterationScrubber
      label="Deep RFM layer shown"
      testId="deep-layer-scrubber"
      textTestId="deep-layer-shown"
      count={count}
      shown={shown}
      onSelect={selectIteration}
      text={shown < 0 ? 'no layers yet' : `layer ${shown + 1} of ${depth}`}
    />
  );
}
