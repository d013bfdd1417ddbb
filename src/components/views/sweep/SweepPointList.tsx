/** The finished points of the sweep as buttons: the pressed one is the point whose M is shown. */
import { PARAMS } from '../../../params/schema';
import { useAppStore } from '../../../store/store';
import { formatTick } from '../../../viz/format';
import { selectShownSweepIndex, selectSweepParam } from './sweepSelectors';
import { selectSweepPoints } from '../../../store/selectors';

export function SweepPointList() {
  const points = useAppStore((s) => selectSweepPoints(s));
  const shown = useAppStore(selectShownSweepIndex);
  const param = useAppStore(selectSweepParam);
  const selectSweepPoint = useAppStore((s) => s.selectSweepPoint);
  if (points.length === 0) return null;
  return (
    <div className="sweep-points" role="group" aria-label="show the M of a point">
      <span className="muted">M of:</span>
      {points.map((p, index) => (
        <button
          key={index}
          type="button"
          data-testid={`sweep-point-${index}`}
          aria-pressed={index === shown}
          className={index === shown ? 'active' : ''}
          onClick={() => selectSweepPoint(index)}
        >
          {PARAMS[param].key} = {formatTick(p.value)}
        </button>
      ))}
    </div>
  );
}
