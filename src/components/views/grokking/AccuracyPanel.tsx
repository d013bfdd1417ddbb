/**
 * Train and test accuracy by iteration on a linear axis, with the iteration where test accuracy first
 * reaches 99% marked, and that iteration as the panel's headline number.
 */
import { GENERALISED_ACCURACY } from '../../../core/analysis/grokking';
import type { IterationRecord } from '../../../core';
import { useAppStore, type AppState } from '../../../store/store';
import { createLineChart } from '../../../viz/lineChart';
import { useChart } from '../../panels/useChart';
import { selectJumpIteration, selectMaxTestAccuracy } from './grokkingSelectors';

const pick = (s: AppState) => ({ records: s.records, jump: selectJumpIteration(s) });

function toData({ records, jump }: ReturnType<typeof pick>) {
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
    annotations: jump === null ? [] : [{ x: jump, label: `test ≥ ${GENERALISED_ACCURACY * 100}%` }],
  };
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export function GrokkingSummary() {
  const jump = useAppStore(selectJumpIteration);
  const best = useAppStore(selectMaxTestAccuracy);
  const done = useAppStore((s) => s.status === 'finished');
  return (
    <span
      className="headline"
      data-testid="grokking-summary"
      data-jump-iteration={jump ?? ''}
      data-max-test-acc={best ?? ''}
    >
      {best === null
        ? 'no test accuracy yet'
        : jump !== null
          ? `test accuracy ≥ ${GENERALISED_ACCURACY * 100}% from iteration ${jump} (best ${percent(best)})`
          : `best test accuracy ${percent(best)}${done ? ': no jump in this run' : ', no jump yet'}`}
    </span>
  );
}

export function AccuracyPanel() {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: 'iteration',
        yLabel: 'accuracy',
        yScale: 'linear',
        legend: true,
        testId: 'accuracy-chart',
      }),
    pick,
    toData,
  );
  return (
    <section className="panel" aria-label="accuracy">
      <header>
        <h3>Accuracy by iteration</h3>
        <GrokkingSummary />
      </header>
      <div ref={ref} className="chart" />
      <p className="caption">
        With λ = 0 the kernel machine interpolates, so train accuracy is 100% from the start. Test accuracy stays near 0
        for several iterations while M changes quietly, then jumps to ~100%: grokking, without a neural network.
      </p>
    </section>
  );
}
