/**
 * cos(AGOP_net, AGOP_true) per SGD step, one line per run of the catapults sweep (docs/catapults.md): the
 * paper says it jumps after each catapult.
 */
import type { AppState } from '../../../store/store';
import { LineValues } from '../../a11y/StoreValues';
import { useLineChart } from '../../panels/useLineChart';
import { HowToRead } from '../../teach/HowToRead';
import { alignmentChartData } from './catapultChartData';
import { selectCatapultRuns } from './catapultSelectors';

const pick = (s: AppState) => ({ runs: selectCatapultRuns(s) });
const toData = ({ runs }: ReturnType<typeof pick>) => alignmentChartData(runs);

const CHART = {
  xLabel: 'SGD step',
  yLabel: 'cos(AGOP_net, AGOP_true)',
  yScale: 'linear',
  legend: true,
  testId: 'catapult-alignment-chart',
} as const;

export function CatapultAlignmentPanel() {
  const ref = useLineChart(CHART, pick, toData);
  return (
    <section className="panel" aria-label="AGOP alignment per step">
      <header>
        <h3>Alignment with the true AGOP</h3>
      </header>
      <div ref={ref} className="chart" />
      <HowToRead panel="alignment" />
      <LineValues
        label="AGOP alignment per step"
        testId="catapult-alignment-values"
        pick={pick}
        toData={toData}
        x="step"
      />
    </section>
  );
}
