/**
 * Model: kernel, bandwidth, ridge, iterations, update convention, diagonal and centring, and the validation
 * share that picks the best iteration (with early stopping once there is one).
 */
import { isLinRfmKind } from '../jobs/job';
import { selectPlannedJobKind } from '../store/selectors';
import { useAppStore } from '../store/store';
import { ToggleControl } from './controls/ChoiceControl';
import { NumberControl } from './controls/NumberControl';
import { ParamControls } from './controls/ParamControls';

export function ModelControls() {
  const kernel = useAppStore((s) => s.params.kernel);
  const validation = useAppStore((s) => s.params.val);
  // lin-RFM has the linear kernel and no ridge: only the number of iterations applies.
  const linrfm = useAppStore((s) => isLinRfmKind(selectPlannedJobKind(s)));
  // Deep RFM takes one Laplace-RFM step per layer (docs/deeprfm.md): its bandwidth, ridge and the stack.
  const deep = useAppStore((s) => selectPlannedJobKind(s) === 'deep-rfm');
  const conv = useAppStore((s) => selectPlannedJobKind(s) === 'convrfm');
  // Catapults (docs/catapults.md): a two-layer network by plain SGD, no kernel; its width, step and steps.
  const catapults = useAppStore((s) => selectPlannedJobKind(s) === 'catapults');
  if (catapults)
    return (
      <section className="control-group" aria-label="model">
        <h2>Model</h2>
        <ParamControls names={['nnwidth', 'lrx', 'sgdsteps']} />
      </section>
    );
  if (deep)
    return (
      <section className="control-group" aria-label="model">
        <h2>Model</h2>
        <ParamControls names={['L', 'lambda', 'depth', 'rwidth']} />
      </section>
    );
  if (linrfm)
    return (
      <section className="control-group" aria-label="model">
        <h2>Model</h2>
        <NumberControl name="iters" />
      </section>
    );
  // ConvRFM (docs/convrfm.md): the patch kernel's profile and bandwidth, the patch size and the second layer;
  // its update is the trace-scaled square root, with no diagonal, centring or validation options.
  if (conv)
    return (
      <section className="control-group" aria-label="model">
        <h2>Model</h2>
        <ParamControls names={['kernel', 'L', 'lambda', 'iters', 'patch', 'deep']} />
      </section>
    );
  return (
    <section className="control-group" aria-label="model">
      <h2>Model</h2>
      <ParamControls names={kernel === 'laplace-q' ? ['kernel', 'L', 'q'] : ['kernel', 'L']} />
      <ParamControls names={['lambda', 'iters', 'norm', 'diag', 'center', 'val']} />
      {validation > 0 && <ToggleControl name="stop" />}
    </section>
  );
}
