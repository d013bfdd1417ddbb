/**
 * The test set's confusion matrix at the shown iteration (the scrubbed one, or the latest), for any
 * classification run whose records carry `testConfusion`. Exported for the other experiments' views
 * (text, grokking) as well as the tabular ones.
 */
import { selectShownRecord } from '../../store/selectors';
import { useAppStore, type AppState } from '../../store/store';
import { useChart } from './useChart';
import { createConfusionMatrix } from '../../viz/confusionMatrix';
import { HowToRead } from '../teach/HowToRead';
import { ConfusionValues } from '../a11y/ChartValues';

const pick = (s: AppState) => ({ record: selectShownRecord(s), labels: s.dataset?.classLabels ?? null });

function toData({ record, labels }: ReturnType<typeof pick>) {
  const counts = record?.testConfusion;
  if (!counts) return null;
  const c = Math.round(Math.sqrt(counts.length));
  return { counts, c, labels: labels ?? Array.from({ length: c }, (_, k) => String(k)) };
}

/** "test accuracy 93.3% (42 of 45) at iteration 3", from the shown record. */
function useSummary(): string {
  return useAppStore((s) => {
    const record = selectShownRecord(s);
    const counts = record?.testConfusion;
    if (!record || !counts) return 'No test predictions yet.';
    const c = Math.round(Math.sqrt(counts.length));
    let total = 0;
    let correct = 0;
    counts.forEach((n, k) => {
      total += n;
      if (Math.floor(k / c) === k % c) correct += n;
    });
    const share = total > 0 ? `${((100 * correct) / total).toFixed(1)}%` : '–';
    return `Test accuracy ${share} (${correct} of ${total}) at iteration ${record.iteration}${record.iteration === 0 ? ' (baseline)' : ''}. Rows are the true class, columns the prediction; shading is the share of the row.`;
  });
}

export function ConfusionMatrixPanel() {
  const ref = useChart(createConfusionMatrix, pick, toData);
  const summary = useSummary();
  return (
    <section className="panel" aria-label="confusion matrix">
      <header>
        <h3>Confusion matrix (test)</h3>
      </header>
      <div ref={ref} className="chart confusion-host" />
      <p className="caption">{summary}</p>
      <HowToRead panel="confusion" />
      <ConfusionValues />
    </section>
  );
}
