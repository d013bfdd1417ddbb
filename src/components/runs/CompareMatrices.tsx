/** The compared runs' final M side by side, on one colour domain and the chosen colour scale. */
import { selectHideDiagonal } from '../../store/selectors';
import { finalMatrix } from '../../store/runs/keptRun';
import { comparedRuns } from '../../store/runs/runSelectors';
import { useAppStore, type AppState } from '../../store/store';
import { useMatrixHeatmap } from '../panels/useMatrixHeatmap';
import { sharedBound } from './compareData';

function CompareMatrix({ index }: { index: number }) {
  const pick = (s: AppState) => {
    const runs = comparedRuns(s.runs, s.compareIds);
    const scale = s.view.mscale;
    const hideDiagonal = selectHideDiagonal(s);
    return { run: runs[index], scale, hideDiagonal, bound: sharedBound(runs, scale, hideDiagonal) };
  };
  const toData = ({ run, scale, hideDiagonal, bound }: ReturnType<typeof pick>) => {
    const m = run ? finalMatrix(run) : null;
    if (!run || !m) return null;
    const labels = run.dataset?.featureNames.length === m.d ? run.dataset.featureNames : undefined;
    return { values: m.M, d: m.d, labels, hideDiagonal, scale, bound, title: `${run.name}: final M` };
  };
  const { ref, hover } = useMatrixHeatmap(pick, toData, { maxSide: 320 });
  return (
    <figure className="compare-matrix">
      <div ref={ref} className="chart heatmap-host" />
      <figcaption className="caption">{hover ?? ' '}</figcaption>
    </figure>
  );
}

export function CompareMatrices() {
  const count = useAppStore((s) => comparedRuns(s.runs, s.compareIds).length);
  return (
    <div className="compare-matrices" role="group" aria-label="final M of the compared runs">
      {Array.from({ length: count }, (_, index) => (
        <CompareMatrix key={index} index={index} />
      ))}
    </div>
  );
}
