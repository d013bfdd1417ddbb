/** Data: the target, the dimension, sample sizes, input distribution, noise and seed. */
import { ChoiceControl } from './controls/ChoiceControl';
import { ExpressionControl } from './controls/ExpressionControl';
import { NumberControl } from './controls/NumberControl';

export function DataControls() {
  return (
    <section className="control-group" aria-label="data">
      <h2>Data</h2>
      <ExpressionControl />
      <NumberControl name="d" />
      <NumberControl name="n" />
      <NumberControl name="ntest" />
      <ChoiceControl name="dist" />
      <NumberControl name="noise" />
      <NumberControl name="seed" slider={false} />
    </section>
  );
}
