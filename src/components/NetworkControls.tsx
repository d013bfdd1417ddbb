/** The network trained beside the RFM: whether to train it, and its architecture and optimiser. */
import { useAppStore } from '../store/store';
import { ChoiceControl } from './controls/ChoiceControl';
import { NumberControl } from './controls/NumberControl';

export function NetworkControls() {
  const enabled = useAppStore((s) => s.params.model === 'rfm+nn');
  return (
    <section className="control-group" aria-label="neural network">
      <h2>Neural network</h2>
      <ChoiceControl name="model" />
      {enabled && (
        <>
          <NumberControl name="nnwidth" />
          <NumberControl name="nndepth" />
          <ChoiceControl name="nnact" />
          <NumberControl name="nnlr" />
          <NumberControl name="nnwd" />
          <NumberControl name="nnbatch" />
          <NumberControl name="nnepochs" />
          <NumberControl name="nninit" />
        </>
      )}
    </section>
  );
}
