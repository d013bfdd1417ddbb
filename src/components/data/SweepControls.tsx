/**
 * The sweep: a parameter to vary ('none' trains a single run), its range and number of points, and the
 * values that will run, one full run each.
 */
import { sweepValues } from '../../experiments/sweepValues';
import { PARAMS } from '../../params/schema';
import { useAppStore } from '../../store/store';
import { formatTick } from '../../viz/format';
import { ChoiceControl } from '../controls/ChoiceControl';
import { NumberControl } from '../controls/NumberControl';

function SweepValues() {
  const param = useAppStore((s) => s.params.sweep);
  const from = useAppStore((s) => s.params.from);
  const to = useAppStore((s) => s.params.to);
  const steps = useAppStore((s) => s.params.steps);
  if (param === 'none') return null;
  const values = sweepValues(param, from, to, steps);
  return (
    <p className="sweep-values" data-testid="sweep-values" data-values={values.join(',')}>
      {values.length} {values.length === 1 ? 'run' : 'runs'}: {PARAMS[param].key} ={' '}
      {values.map((v) => formatTick(v)).join(', ')}
    </p>
  );
}

export function SweepControls() {
  const param = useAppStore((s) => s.params.sweep);
  return (
    <div className="sweep-controls" data-testid="sweep-controls">
      <ChoiceControl name="sweep" />
      {param !== 'none' && (
        <>
          <div className="sweep-range">
            <NumberControl name="from" slider={false} />
            <NumberControl name="to" slider={false} />
          </div>
          <NumberControl name="steps" />
          <SweepValues />
        </>
      )}
    </div>
  );
}
