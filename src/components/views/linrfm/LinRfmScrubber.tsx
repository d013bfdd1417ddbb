/** The iteration scrubber of the lin-RFM views (shares the view slice's selected iteration). */
import { useAppStore } from '../../../store/store';
import { selectShownLinRfmIndex } from './linrfmSelectors';

export function LinRfmScrubber() {
  const count = useAppStore((s) => s.linrfmRecords.length);
  const shown = useAppStore(selectShownLinRfmIndex);
  const selectIteration = useAppStore((s) => s.selectIteration);
  const last = Math.max(count - 1, 0);
  return (
    <div className="scrubber">
      <input
        type="range"
        aria-label="lin-RFM iteration shown"
        data-testid="linrfm-scrubber"
        min={0}
        max={last}
        value={Math.max(shown, 0)}
        disabled={count < 2}
        onChange={(e) => {
          const t = Number(e.target.value);
          selectIteration(t === last ? null : t);
        }}
      />
      <span>
        {shown < 0 ? 'no iterations yet' : `iteration ${shown}${shown === 0 ? ' (M = I: the min-norm baseline)' : ''}`}
      </span>
    </div>
  );
}
