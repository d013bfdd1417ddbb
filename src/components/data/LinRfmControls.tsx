/** Data controls of the lin-RFM problems: the matrix to complete, or the sparse model; then the update. */
import { useAppStore } from '../../store/store';
import { ChoiceControl } from '../controls/ChoiceControl';
import { NumberControl } from '../controls/NumberControl';

export function LinRfmControls() {
  const problem = useAppStore((s) => s.params.linrfm);
  return (
    <>
      <ChoiceControl name="linrfm" />
      {problem === 'sparse' ? (
        <>
          <NumberControl name="n" />
          <NumberControl name="d" />
          <NumberControl name="k" />
        </>
      ) : (
        <>
          <NumberControl name="rows" />
          <NumberControl name="cols" />
          <NumberControl name="rank" />
          <NumberControl name="observed" />
          <NumberControl name="basis" />
        </>
      )}
      <NumberControl name="noise" />
      <NumberControl name="s" />
      <NumberControl name="decay" />
    </>
  );
}
