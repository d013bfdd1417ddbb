/**
 * The training loss per SGD step of every run of the catapults sweep (docs/catapults.md), log scale, with
 * each spike's peak marked on its line and listed under the chart; then the sweep's caption.
 */
import type { AppState } from '../../../store/store';
import { useAppStore } from '../../../store/store';
import { LineValues } from '../../a11y/StoreValues';
import { useLineChart } from '../../panels/useLineChart';
import { HowToRead } from '../../teach/HowToRead';
import { catapultRunLabel } from '../../../store/catapultRuns';
import { lossChartData, spikeText } from './catapultChartData';
import { selectCatapultCaption, selectCatapultRuns } from './catapultSelectors';

const pick = (s: AppState) => ({ runs: selectCatapultRuns(s) });
const toData = ({ runs }: ReturnType<typeof pick>) => lossChartData(runs);

const CHART = {
  xLabel: 'SGD step',
  yLabel: 'training loss (MSE)',
  yScale: 'log',
  legend: true,
  testId: 'catapult-loss-chart',
  height: 280,
} as const;

/** Each run's spikes in words (the markers' list, for a person who cannot see them). */
function SpikeList() {
  const runs = useAppStore(selectCatapultRuns);
  if (runs.length === 0) return null;
  return (
    <ul className="catapult-spikes" aria-label="loss spikes by run" data-testid="catapult-spikes">
      {runs.map((run) => (
        <li key={run.index} data-run={catapultRunLabel(run)} data-spikes={run.spikes.length}>
          <strong>{catapultRunLabel(run)}:</strong>{' '}
          {run.steps.some((s) => !Number.isFinite(s.loss))
            ? `diverged (the loss is not finite from step ${run.steps.findIndex((s) => !Number.isFinite(s.loss))})`
            : run.spikes.length === 0
              ? `no spike${run.done ? '' : ' so far'}`
              : run.spikes.map((spike) => `spike at ${spikeText(spike)}`).join('; ')}
        </li>
      ))}
    </ul>
  );
}

export function CatapultLossPanel() {
  const ref = useLineChart(CHART, pick, toData);
  const caption = useAppStore(selectCatapultCaption);
  return (
    <section className="panel wide" aria-label="training loss per step">
      <header>
        <h3>Training loss per step, spikes marked</h3>
      </header>
      <div ref={ref} className="chart" />
      <SpikeList />
      <p className="caption">
        <output aria-label="catapults finding" data-testid="catapult-caption">
          {caption ?? 'The sweep has not started.'}
        </output>
      </p>
      <HowToRead panel="loss" />
      <LineValues label="training loss per step" testId="catapult-loss-values" pick={pick} toData={toData} x="step" />
    </section>
  );
}
