/**
 * The catapults sweep's per-step charts beyond the loss (docs/catapults.md), one line per run: the top
 * eigenvalue of the network's tangent kernel, with 2 / lr of each step size dashed (gradient descent is
 * stable below it), and cos(AGOP_net, AGOP_true), which the paper says jumps after each catapult. The two
 * panels differ only in their series, axis and words, so one component draws both.
 */
import type { PanelName } from '../../../params/view';
import type { AppState } from '../../../store/store';
import type { LineChartData, LineChartOptions } from '../../../viz/lineChart';
import { LineValues } from '../../a11y/StoreValues';
import { useLineChart } from '../../panels/useLineChart';
import { HowToRead } from '../../teach/HowToRead';
import { alignmentChartData, ntkChartData } from './catapultChartData';
import { selectCatapultRuns } from './catapultSelectors';

const pick = (s: AppState) => ({ runs: selectCatapultRuns(s) });
type Picked = ReturnType<typeof pick>;

interface StepPanel {
  /** The region's accessible name; its values table is named after it. */
  label: string;
  title: string;
  help: PanelName;
  chart: LineChartOptions;
  valuesTestId: string;
  toData: (picked: Picked) => LineChartData | null;
}

function StepLinePanel({ label, title, help, chart, valuesTestId, toData }: StepPanel) {
  const ref = useLineChart(chart, pick, toData);
  return (
    <section className="panel" aria-label={label}>
      <header>
        <h3>{title}</h3>
      </header>
      <div ref={ref} className="chart" />
      <HowToRead panel={help} />
      <LineValues label={label} testId={valuesTestId} pick={pick} toData={toData} x="step" />
    </section>
  );
}

const NTK: StepPanel = {
  label: 'tangent kernel top eigenvalue per step',
  title: 'Tangent kernel’s top eigenvalue',
  help: 'ntk',
  chart: {
    xLabel: 'SGD step',
    yLabel: 'λmax of the tangent kernel',
    yScale: 'log',
    legend: true,
    testId: 'catapult-ntk-chart',
  },
  valuesTestId: 'catapult-ntk-values',
  toData: ({ runs }) => ntkChartData(runs),
};

const ALIGNMENT: StepPanel = {
  label: 'AGOP alignment per step',
  title: 'Alignment with the true AGOP',
  help: 'alignment',
  chart: {
    xLabel: 'SGD step',
    yLabel: 'cos(AGOP_net, AGOP_true)',
    yScale: 'linear',
    legend: true,
    testId: 'catapult-alignment-chart',
  },
  valuesTestId: 'catapult-alignment-values',
  toData: ({ runs }) => alignmentChartData(runs),
};

export const CatapultNtkPanel = () => <StepLinePanel {...NTK} />;
export const CatapultAlignmentPanel = () => <StepLinePanel {...ALIGNMENT} />;
