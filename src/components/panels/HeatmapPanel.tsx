/**
 * The feature matrix M_t as a heatmap, with an iteration scrubber, its colour scale, the top-k block for
 * large d and the option to hide the diagonal.
 */
import { useMatrixHeatmap } from './useMatrixHeatmap';
import { MatrixViewControls } from './MatrixViewControls';
import { selectHideDiagonal, selectPlannedDimension, selectRecords, selectShownRecord } from '../../store/selectors';
import { useAppStore, type AppState } from '../../store/store';
import { topBlock, topCoordinates } from './topCoordinates';
import { HowToRead } from '../teach/HowToRead';
import { MatrixValues } from '../a11y/ChartValues';
import { IterationScrubber, rfmIterationText } from './IterationScrubber';

const pick = (s: AppState) => ({
  record: selectShownRecord(s),
  hideDiagonal: selectHideDiagonal(s),
  labels: s.dataset?.featureNames,
  scale: s.view.mscale,
  topk: s.view.topk,
  plannedD: selectPlannedDimension(s),
});
const toData = ({ record, hideDiagonal, labels, scale, topk, plannedD }: ReturnType<typeof pick>) => {
  if (record) {
    const title = `M at iteration ${record.iteration}`;
    if (topk > 0 && topk < record.d) {
      const block = topBlock(record.M, record.d, topk, labels);
      return { ...block, hideDiagonal, scale, title: `${title}: top ${block.d} coordinates` };
    }
    return { values: record.M, d: record.d, labels, hideDiagonal, scale, title };
  }
  // Before the first record (tfjs may still be loading): M = I, which every run starts from.
  if (plannedD === null) return null;
  return {
    values: identity(plannedD),
    d: plannedD,
    labels: labels?.length === plannedD ? labels : undefined,
    hideDiagonal,
    scale,
    title: 'M at iteration 0 (M = I)',
  };
};

function identity(d: number): Float32Array {
  const values = new Float32Array(d * d);
  for (let i = 0; i < d; i++) values[i * d + i] = 1;
  return values;
}

export function HeatmapPanel() {
  const { ref, hover } = useMatrixHeatmap(pick, toData);
  const records = useAppStore((s) => selectRecords(s));
  const selected = useAppStore((s) => s.selectedIteration);
  const labels = useAppStore((s) => s.dataset?.featureNames);
  const selectIteration = useAppStore((s) => s.selectIteration);
  const shown = useAppStore(selectShownRecord);
  // An embed with controls=none shows no scrubber (the "run" controls include it).
  const scrubbable = useAppStore((s) => !(s.view.embed && s.view.controls === 'none'));

  return (
    <section className="panel" aria-label="feature matrix">
      <header>
        <h3>Feature matrix M</h3>
        <MatrixViewControls d={shown?.d ?? 0} />
      </header>
      <div ref={ref} className="chart heatmap-host" />
      <IterationScrubber
        label="iteration shown"
        testId="iteration-scrubber"
        textTestId="scrubber-label"
        hidden={!scrubbable}
        count={records.length}
        shown={selected ?? records.length - 1}
        onSelect={selectIteration}
        text={rfmIterationText(shown)}
      />
      <p className="caption" data-testid="heatmap-caption">
        {hover ??
          (shown && shown.iteration > 0
            ? `Largest diagonal entries: ${topCoordinates(shown.M, shown.d, labels)}. Bright rows and columns are the directions the model uses.`
            : 'M starts as the identity: every coordinate counts the same.')}
      </p>
      <HowToRead panel="m" />
      <MatrixValues />
    </section>
  );
}
