/**
 * The diagonal of M at the shown iteration, one bar per feature, largest first: which inputs the learned
 * metric stretches (for standardised features the entries compare directly). For Boston and Iris this is
 * the ranking of the features; at iteration 0 every bar is 1 (M = I).
 */
import { selectShownRecord } from '../../../store/selectors';
import { useAppStore, type AppState } from '../../../store/store';
import { useChart } from '../../panels/useChart';
import { createFeatureBars } from './featureBars';
import { HowToRead } from '../../teach/HowToRead';
import { MatrixValues } from '../../a11y/ChartValues';

const pick = (s: AppState) => ({ record: selectShownRecord(s), names: s.dataset?.featureNames ?? null });

function toData({ record, names }: ReturnType<typeof pick>) {
  if (!record) return null;
  const { d, M } = record;
  const values = Float64Array.from({ length: d }, (_, i) => M[i * d + i]!);
  return { names: names ?? Array.from({ length: d }, (_, i) => `x${i + 1}`), values };
}

export function FeatureImportancePanel() {
  const ref = useChart((node) => createFeatureBars(node), pick, toData);
  const iteration = useAppStore((s) => selectShownRecord(s)?.iteration ?? null);
  return (
    <section className="panel" aria-label="feature importance">
      <header>
        <h3>Feature importance: diag(M)</h3>
      </header>
      <div ref={ref} className="chart bars-host" />
      <p className="caption">
        {iteration === null
          ? 'No iterations yet.'
          : iteration === 0
            ? 'Iteration 0: M = I weighs every feature the same.'
            : `Diagonal of M at iteration ${iteration}, largest first: the features the model stretches most.`}
      </p>
      <HowToRead panel="features" />
      <MatrixValues />
    </section>
  );
}
