/** The iteration scrubber of the lin-RFM views (shares the view slice's selected iteration). */
import { useAppStore } from '../../../store/store';
import { IterationScrubber } from '../../panels/IterationScrubber';
import { selectShownLinRfmIndex } from './linrfmSelectors';
import { selectLinRfmRecords } from '../../../store/selectors';

export function LinRfmScrubber() {
  const count = useAppStore((s) => selectLinRfmRecords(s).length);
  const shown = useAppStore(selectShownLinRfmIndex);
  const selectIteration = useAppStore((s) => s.selectIteration);
  return (
    <IterationScrubber
      label="lin-RFM iteration shown"
      testId="linrfm-scrubber"
      count={count}
      shown={shown}
      onSelect={selectIteration}
      text={
        shown < 0 ? 'no iterations yet' : `iteration ${shown}${shown === 0 ? ' (M = I: the min-norm baseline)' : ''}`
      }
    />
  );
}
