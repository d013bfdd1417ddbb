/** RFM against the plain kernel at the largest swept value, in words and as attributes for tests. */
import { PARAMS } from '../../../params/schema';
import { useAppStore } from '../../../store/store';
import { formatTick, formatValue } from '../../../viz/format';
import { selectSweepParam } from './sweepSelectors';
import { sweepMetric, sweepSummary, type SweepMetric } from './sweepChartData';
import { selectSweepPoints } from '../../../store/selectors';

const show = (v: number | null, metric: SweepMetric) =>
  v === null || Number.isNaN(v) ? '–' : metric === 'accuracy' ? `${(v * 100).toFixed(1)}%` : formatValue(v);

function comparison(rfm: number | null, baseline: number | null, metric: SweepMetric): string {
  if (rfm === null || baseline === null) return '';
  if (metric === 'accuracy') return rfm > baseline ? ' (RFM ahead)' : ' (RFM no better)';
  return rfm < baseline ? ` (${formatValue(baseline / rfm)}× lower)` : ' (RFM no better)';
}

export function SweepSummaryLine() {
  const points = useAppStore((s) => selectSweepPoints(s));
  const param = useAppStore(selectSweepParam);
  const metric = sweepMetric(points);
  const summary = sweepSummary(points, metric);
  return (
    <span
      className="headline"
      data-testid="sweep-summary"
      data-metric={metric}
      data-value-last={summary?.value ?? ''}
      data-rfm-last={summary?.rfm ?? ''}
      data-baseline-last={summary?.baseline ?? ''}
    >
      {summary &&
        `At ${PARAMS[param].key} = ${formatTick(summary.value)}: RFM ${show(summary.rfm, metric)} vs ${show(summary.baseline, metric)} for the plain kernel${comparison(summary.rfm, summary.baseline, metric)}`}
    </span>
  );
}
