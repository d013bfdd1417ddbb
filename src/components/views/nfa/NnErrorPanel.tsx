/**
 * Test error (and accuracy where it applies) of the network by epoch beside the RFM's by iteration, with
 * the Laplace-kernel baseline (the RFM's iteration 0) drawn in both: two plots on one shared y axis.
 */
import { selectNnRecords } from '../../../store/nnSelectors';
import { useAppStore, type AppState } from '../../../store/store';
import { useLineChart } from '../../panels/useLineChart';
import { comparisonCharts } from './nfaChartData';
import { LineTable } from '../../a11y/StoreValues';
import { ValuesDetails } from '../../a11y/ValuesDetails';
import { selectRecords } from '../../../store/selectors';

const pick = (s: AppState) => ({ rfm: selectRecords(s), nn: selectNnRecords(s), kernel: s.params.kernel });
type Picked = ReturnType<typeof pick>;
const rfmMse = ({ rfm, nn, kernel }: Picked) => comparisonCharts(rfm, nn, 'mse', kernel).rfm;
const nnMse = ({ rfm, nn, kernel }: Picked) => comparisonCharts(rfm, nn, 'mse', kernel).nn;
const rfmAccuracy = ({ rfm, nn, kernel }: Picked) => comparisonCharts(rfm, nn, 'accuracy', kernel).rfm;
const nnAccuracy = ({ rfm, nn, kernel }: Picked) => comparisonCharts(rfm, nn, 'accuracy', kernel).nn;
const selectHasAccuracy = (s: AppState) => (selectRecords(s)[0]?.testAccuracy ?? null) !== null;

function ChartPair({ metric }: { metric: 'mse' | 'accuracy' }) {
  const mse = metric === 'mse';
  const yLabel = mse ? 'test MSE' : 'test accuracy';
  const yScale = mse ? 'log' : 'linear';
  const left = useLineChart(
    { xLabel: 'RFM iteration', yLabel, yScale, legend: true, testId: `rfm-${metric}` },
    pick,
    mse ? rfmMse : rfmAccuracy,
  );
  const right = useLineChart(
    { xLabel: 'network epoch', yLabel, yScale, legend: true, testId: `nn-${metric}` },
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

/** The four charts' points: the RFM by iteration and the network by epoch, MSE and (where given) accuracy. */
function ErrorValues({ hasAccuracy }: { hasAccuracy: boolean }) {
  return (
    <ValuesDetails label="RFM and network test error" testId="nn-error-values">
      {() => (
        <>
          <LineTable label="RFM test MSE by iteration" pick={pick} toData={rfmMse} x="iteration" />
          <LineTable label="network test MSE by epoch" pick={pick} toData={nnMse} x="epoch" />
          {hasAccuracy && (
            <>
              <LineTable label="RFM test accuracy by iteration" pick={pick} toData={rfmAccuracy} x="iteration" />
              <LineTable label="network test accuracy by epoch" pick={pick} toData={nnAccuracy} x="epoch" />
            </>
          )}
        </>
      )}
    </ValuesDetails>
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
      <ErrorValues hasAccuracy={hasAccuracy} />
    </section>
  );
}
