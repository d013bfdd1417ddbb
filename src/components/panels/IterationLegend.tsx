/**
 * The spectrum's legend: with a few iterations, one swatch per line; with more (a 31-iteration grokking
 * run), a colour ramp from iteration 0 to the last, which reads at a glance where 31 swatches do not.
 */
import { selectDarkTheme, selectRecords } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { iterationColor } from '../../viz/colors';

/** Up to this many iterations get a swatch each. */
export const MAX_SWATCHES = 8;

export function IterationLegend() {
  const count = useAppStore((s) => Math.max(s.plannedRecords, selectRecords(s).length));
  const shown = useAppStore((s) => selectRecords(s).length);
  const dark = useAppStore(selectDarkTheme);
  if (count === 0) return null;
  if (count <= MAX_SWATCHES) {
    return (
      <ul className="rfm-viz-legend iteration-legend" data-testid="spectrum-legend" data-kind="swatches">
        {Array.from({ length: shown }, (_, t) => (
          <li key={t}>
            <span className="legend-swatch" style={{ background: iterationColor(t, count, dark) }} aria-hidden="true" />
            {t === 0 ? 'iteration 0 (baseline)' : `iteration ${t}`}
          </li>
        ))}
      </ul>
    );
  }
  const stops = Array.from({ length: 9 }, (_, k) => iterationColor((k / 8) * (count - 1), count, dark)).join(', ');
  return (
    <div className="iteration-ramp" data-testid="spectrum-legend" data-kind="ramp">
      <span>iteration 0 (baseline)</span>
      <span className="ramp-bar" style={{ background: `linear-gradient(to right, ${stops})` }} aria-hidden="true" />
      <span>iteration {count - 1}</span>
    </div>
  );
}
