/**
 * Train, test (and validation) MSE per iteration on a log axis; iteration 0 is the plain kernel machine (the
 * baseline), and with a validation split the best iteration is marked.
 */
import type { AppState } from '../../store/store';
import { createLineChart } from '../../viz/lineChart';
import { recordSeries } from './recordSeries';
import { useChart } from './useChart';
import { HowToRead } from '../teach/HowToRead';
import { ErrorValues } from '../a11y/ChartValues';
import { selectRecords } from '../../store/selectors';

const pick = (s: AppState) => ({ records: selectRecords(s), kernel: s.params.kernel });

function toData({ records, kernel }: ReturnType<typeof pick>) {
  const best = records.at(-1)?.bestIteration ?? null;
  const series = [
    recordSeries(records, 'test', 'test MSE', (r) => r.testMse),
    recordSeries(records, 'train', 'train MSE', (r) => r.trainMse, true),
  ];
  if (best !== null) series.push(recordSeries(records, 'validation', 'validation MSE', (r) => r.validationMse, true));
  return {
    series,
    annotations: [
      ...(records.length > 0 ? [{ x: 0, label: `baseline (${kernel} kernel, M = I)` }] : []),
      ...(best !== null && best > 0 ? [{ x: best, label: 'best (validation)', id: 'best' }] : []),
    ],
  };
}

export function ErrorPanel() {
  const ref = useChart(
    (node) =>
      createLineChart(node, { xLabel: 'iteration', yLabel: 'MSE', yScale: 'log', legend: true, testId: 'error-chart' }),
    pick,
    toData,
  );
  return (
    <section className="panel" aria-label="error curves">
      <header>
        <h3>Error by iteration</h3>
      </header>
      <div ref={ref} className="chart" />
      <HowToRead panel="error" />
      <ErrorValues />
    </section>
  );
}
