/**
 * Test error (and accuracy where it applies) of the network by epoch beside the RFM's by iteration, with
 * the Laplace-kernel baseline (the RFM's iteration 0) drawn in both: two plots on one shared y axis.
 */
import { selectNnRecords } from '../../../store/nnSelectors';
import { useAppStore, type AppState } from '../../../store/store';
import { createLineChart } from '../../../viz/lineChart';
import { useChart } from '../../panels/useChart';
import { comparisonCharts } from './nfaChartData';

const pick = (s: AppState) => ({ rfm: s.records, nn: selectNnRecords(s), kernel: s.params.kernel });
type Picked = ReturnType<typeof pick>;
const rfmMse = ({ rfm, nn, kernel }: Picked) => comparisonCharts(rfm, nn, 'mse', kernel).rfm;
const nnMse = ({ rfm, nn, kernel }: Picked) => comparisonCharts(rfm, nn, 'mse', kernel).nn;
const rfmAccuracy = ({ rfm, nn, kernel }: Picked) => comparisonCharts(rfm, nn, 'accuracy', kernel).rfm;
const nnAccuracy = ({ rfm, nn, kernel }: Picked) => comparisonCharts(rfm, nn, 'accuracy', kernel).nn;
const selectHasAccuracy = (s: AppState) => (s.records[0]?.testAccuracy ?? null) !== null;

function ChartPair({ metric }: { metric: 'mse' | 'accuracy' }) {
  const mse = metric === 'mse';
  const yLabel = mse ? 'test MSE' : 'test accuracy';
  const yScale = mse ? 'log' : 'linear';
  const left = useChart(
    (node) => createLineChart(node, { xLabel: 'RFM iteration', yLabel, yScale, legend: true, testId: `rfm-${metric}` }),
    pick,
    mse ? rfmMse : rfmAccuracy,
  );
  const right = useChart(
    (node) => createLineChart(node, { xLabel: 'network epoch', yLabel, yScale, legend: true, testId: `nn-${metric}` }),
    pick,
    mse ? nnMse : nnAccuracy,
  );
  return (
    <div className="nfa-pair">
      <div ref={left} className="chart" />
      <div ref={right} className="chart" />
    </div>
  );
}

export function NnErrorPanel() {
  const hasAccuracy = useAppStore(selectHasAccuracy);
  return (
    <section className="panel wide" aria-label="network and RFM error">
      <header>
        <h3>Test error: RFM by iteration, network by epoch</h3>
      </header>
      <ChartPair metric="mse" />
      {hasAccuracy && <ChartPair metric="accuracy" />}
      <p className="caption">
        Both plots share one y axis. The dashed grey line is the plain kernel machine (the RFM’s iteration 0, M = I):
        the Laplace-kernel baseline of the seed article.
      </p>
    </section>
  );
}
