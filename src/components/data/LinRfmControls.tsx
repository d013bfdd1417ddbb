/** Data controls of the lin-RFM problems: the matrix to complete, or the sparse model; then the update. */
import { PHASE_OBSERVED, PHASE_RANKS } from '../../experiments/linrfmPhase';
import { useAppStore } from '../../store/store';
import { ChoiceControl } from '../controls/ChoiceControl';
import { NumberControl } from '../controls/NumberControl';

/**
 * The phase transition at its usual size (docs/linrfm.md): 60 x 60, each cell run to convergence (at most 300
 * iterations). The change of parameters starts it, as any change does (engine/autoRun.ts): a start here as
 * well was cancelled and started again by that restart 300 ms later.
 */
function runPhaseTransition(): void {
  const { setParam } = useAppStore.getState();
  setParam('linrfm', 'phase');
  setParam('rows', 60);
  setParam('cols', 60);
  setParam('iters', 300);
}

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
          {problem === 'completion' && (
            <>
              <NumberControl name="rank" />
              <NumberControl name="observed" />
              <NumberControl name="basis" />
            </>
          )}
        </>
      )}
      <NumberControl name="noise" />
      <NumberControl name="s" />
      <NumberControl name="decay" />
      {problem === 'completion' && (
        <button
          type="button"
          onClick={runPhaseTransition}
          title={`Complete ${PHASE_RANKS.length * PHASE_OBSERVED.length} 60 x 60 matrices, ranks ${PHASE_RANKS.join(', ')} x observed shares ${PHASE_OBSERVED.join(', ')}`}
        >
          Run phase transition
        </button>
      )}
    </>
  );
}
