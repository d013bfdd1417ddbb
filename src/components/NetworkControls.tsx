/** The network trained beside the RFM: whether to train it, and its architecture and optimiser. */
import { selectPlannedJobKind } from '../store/selectors';
import { useAppStore } from '../store/store';
import { ChoiceControl } from './controls/ChoiceControl';
import { ParamControls, type ControlKey } from './controls/ParamControls';

const NETWORK: readonly ControlKey[] = ['nnwidth', 'nndepth', 'nnact', 'nnlr', 'nnwd', 'nnbatch', 'nnepochs', 'nninit'];

export function NetworkControls() {
  const enabled = useAppStore((s) => selectPlannedJobKind(s) === 'rfm+nn');
  return (
    <section className="control-group" aria-label="neural network">
      <h2>Neural network</h2>
      <ChoiceControl name="model" />
      {enabled && <ParamControls names={NETWORK} />}
    </section>
  );
}
