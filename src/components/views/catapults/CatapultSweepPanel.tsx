/**
 * The catapults sweep against batch size (docs/catapults.md): spikes, final alignment and test MSE of each
 * finished run, the runs past the edge as one line and the small-step control apart (it differs in step
 * size, not only in batch), with a log batch axis.
 */
import type { AppState } from '../../../store/store';
import { LineValues } from '../../a11y/StoreValues';
import { useLineChart } from '../../panels/useLineChart';
import { HowToRead } from '../../teach/HowToRead';
import { sweepChartData } from './catapultChartData';
import { selectCatapultRuns } from './catapultSelectors';

const pick = (s: AppState) => ({ runs: selectCatapultRuns(s) });
const toSpikes = ({ runs }: ReturnType<typeof pick>) => sweepChartData(runs, 'spikes');
const toAlignment = ({ runs }: ReturnType<typeof pick>) => sweepChartData(runs, 'finalAlignment');
const toTestMse = ({ runs }: ReturnType<typeof pick>) => sweepChartData(runs, 'testMse');

const common = { xLabel: 'batch size', xScale: 'log', height: 200 } as const;
const SPIKES = {
  ...common,
  yLabel: 'spikes',
  yScale: 'linear',
  legend: true,
  testId: 'catapult-spikes-chart',
} as const;
const ALIGNMENT = { ...common, yLabel: 'final alignment', yScale: 'linear', testId: 'catapult-final-chart' } as const;
const TEST_MSE = { ...common, yLabel: 'test MSE', yScale: 'log', testId: 'catapult-test-chart' } as const;

export function CatapultSweepPanel() {
  const spikesRef = useLineChart(SPIKES, pick, toSpikes);
  const alignmentRef = useLineChart(ALIGNMENT, pick, toAlignment);
  const testRef = useLineChart(TEST_MSE, pick, toTestMse);
  return (
    <section className="panel wide" aria-label="catapults against batch size">
      <header>
        <h3>Against batch size</h3>
      </header>
      <div className="chart-pair catapult-sweep-charts">
        <div ref={spikesRef} className="chart" />
        <div ref={alignmentRef} className="chart" />
        <div ref={testRef} className="chart" />
      </div>
      <HowToRead panel="batches" />
      <LineValues
        label="spikes by batch size"
        testId="catapult-sweep-spikes"
        pick={pick}
        toData={toSpikes}
        x="batch size"
      />
      <LineValues
        label="final alignment by batch size"
        testId="catapult-sweep-alignment"
        pick={pick}
        toData={toAlignment}
        x="batch size"
      />
      <LineValues
        label="test MSE by batch size"
        testId="catapult-sweep-test"
        pick={pick}
        toData={toTestMse}
        x="batch size"
      />
    </section>
  );
}
