/** Train and test accuracy by iteration for a classification run; iteration 0 is the plain kernel machine. */
import type { IterationRecord } from '../../../core';
import type { AppState } from '../../../store/store';
import { createLineChart } from '../../../viz/lineChart';
import { useChart } from '../../panels/useChart';

const pick = (s: AppState) => ({ records: s.records, kernel: s.params.kernel });

function toData({ records, kernel }: ReturnType<typeof pick>) {
  const series = (id: string, label: string, value: (r: IterationRecord) => number | null, dashed = false) => ({
    id,
    label,
    dashed,
    points: records.flatMap((r) => {
      const y = value(r);
      return y === null ? [] : [{ x: r.iteration, y }];
    }),
  });
  return {
    series: [
      series('test', 'test accuracy', (r) => r.testAccuracy),
      series('train', 'train accuracy', (r) => r.trainAccuracy, true),
    ],
    annotations: records.length > 0 ? [{ x: 0, label: `baseline (${kernel} kernel, M = I)` }] : [],
  };
}

export function AccuracyPanel() {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: 'iteration',
        yLabel: 'accuracy',
        yScale: 'linear',
        legend: true,
        testId: 'accuracy-chart-tabular',
      }),
    pick,
    toData,
  );
  return (
    <section className="panel" aria-label="accuracy curves">
      <header>
        <h3>Accuracy by iteration</h3>
      </header>
      <div ref={ref} className="chart" />
    </section>
  );
}
