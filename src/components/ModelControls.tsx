/**
 * Model: kernel, bandwidth, ridge, iterations, update convention, diagonal and centring, and the validation
 * share that picks the best iteration (with early stopping once there is one).
 */
import { useAppStore } from '../store/store';
import { ChoiceControl, ToggleControl } from './controls/ChoiceControl';
import { NumberControl } from './controls/NumberControl';

export function ModelControls() {
  const kernel = useAppStore((s) => s.params.kernel);
  const validation = useAppStore((s) => s.params.val);
  // lin-RFM has the linear kernel and no ridge: only the number of iterations applies.
  const linrfm = useAppStore((s) => s.params.linrfm !== 'off');
  if (linrfm)
    return (
      <section className="control-group" aria-label="model">
        <h2>Model</h2>
        <NumberControl name="iters" />
      </section>
    );
  return (
    <section className="control-group" aria-label="model">
      <h2>Model</h2>
      <ChoiceControl name="kernel" />
      <NumberControl name="L" />
      {kernel === 'laplace-q' && <NumberControl name="q" />}
      <NumberControl name="lambda" />
      <NumberControl name="iters" />
      <ChoiceControl name="norm" />
      <ToggleControl name="diag" />
      <ToggleControl name="center" />
      <NumberControl name="val" />
      {validation > 0 && <ToggleControl name="stop" />}
    </section>
  );
}
