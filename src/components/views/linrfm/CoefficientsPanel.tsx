/** Sparse recovery: estimated versus true coefficients at the scrubbed iteration, and the support found. */
import type { AppState } from '../../../store/store';
import { useAppStore } from '../../../store/store';
import { useLineChart } from '../../panels/useLineChart';
import { LineValues } from '../../a11y/StoreValues';
import { LinRfmScrubber } from './LinRfmScrubber';
import { selectShownLinRfmIndex } from './linrfmSelectors';
import { selectLinRfmRecords, selectLinRfmSummary } from '../../../store/selectors';

const pick = (s: AppState) => ({
  summary: selectLinRfmSummary(s),
  record: selectLinRfmRecords(s)[selectShownLinRfmIndex(s)],
});

function toData({ summary, record }: ReturnType<typeof pick>) {
  if (summary?.kind !== 'sparse') return null;
  const series = [{ id: 'true', label: 'true β', points: Array.from(summary.beta, (y, x) => ({ x: x + 1, y })) }];
  if (record?.kind === 'sparse')
    series.push({
      id: 'estimate',
      label: `estimate, iteration ${record.record.iteration}`,
      points: Array.from(record.record.estimate, (y, x) => ({ x: x + 1, y })),
    });
  return { series };
}

function trueSupport(beta: Float64Array): number[] {
  return Array.from(beta).flatMap((b, j) => (b !== 0 ? [j + 1] : []));
}

const CHART = {
  xLabel: 'coordinate',
  yLabel: 'coefficient',
  yScale: 'linear',
  legend: true,
  testId: 'coefficients-chart',
} as const;

export function CoefficientsPanel() {
  const ref = useLineChart(CHART, pick, toData);
  const summary = useAppStore((s) => selectLinRfmSummary(s));
  const shown = useAppStore((s) => selectLinRfmRecords(s)[selectShownLinRfmIndex(s)]);
  const truth = summary?.kind === 'sparse' ? trueSupport(summary.beta) : [];
  const found = shown?.kind === 'sparse' ? Array.from(shown.record.support, (j) => j + 1) : [];
  const exact = found.length === truth.length && found.every((j, i) => j === truth[i]);
  return (
    <section className="panel wide" aria-label="coefficients">
      <header>
        <h3>Coefficients: estimate versus truth</h3>
      </header>
      <div ref={ref} className="chart" />
      <LinRfmScrubber />
      <p className="caption" aria-label="support found" data-testid="support-found" data-exact={exact}>
        True support: {truth.join(', ') || '-'}. Found ({'|β̂ⱼ| > 0.1% of the largest'}):{' '}
        {found.length > 12 ? `${found.length} coordinates` : found.join(', ') || '-'}
        {shown ? (exact ? ' — exactly the true support.' : '.') : ''}
      </p>
      <LineValues
        label="true and estimated coefficients"
        testId="coefficients-values"
        pick={pick}
        toData={toData}
        x="coordinate"
      />
    </section>
  );
}
