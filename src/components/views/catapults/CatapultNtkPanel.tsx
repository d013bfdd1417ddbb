/**
 * The top eigenvalue of the network's tangent kernel per SGD step, one line per run of the catapults sweep
 * (docs/catapults.md), with 2 / lr of each step size dashed: gradient descent is stable below it.
 */
import type { AppState } from '../../../store/store';
import { LineValues } from '../../a11y/StoreValues';
import { useLineChart } from '../../panels/useLineChart';
import { HowToRead } from '../../teach/HowToRead';
import { ntkChartData } from './catapultChartData';
import { selectCatapultRuns } from './catapultSelectors';

const pick = (s: AppState) => ({ runs: selectCatapultRuns(s) });
const toData = ({ runs }: ReturnType<typeof pick>) => ntkChartData(runs);

const CHART = {
  xLabel: 'SGD step',
  yLabel: 'λmax of the tangent kernel',
  yScale: 'log',
  legend: true,
  testId: 'catapult-ntk-chart',
} as const;

export function CatapultNtkPanel() {
  const ref = useLineChart(CHART, pick, toData);
  return (
    <section className="panel" aria-label="tangent kernel top eigenvalue per step">
      <header>
        <h3>Tangent kernel’s top eigenvalue</h3>
      </header>
      <div ref={ref} className="chart" />
      <HowToRead panel="ntk" />
      <LineValues
        label="tangent kernel top eigenvalue per step"
        testId="catapult-ntk-values"
        pick={pick}
        toData={toData}
        x="step"
      />
    </section>
  );
}
