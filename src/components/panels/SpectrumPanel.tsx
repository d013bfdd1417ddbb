/** The top eigenvalues of K_{M_t}(X, X), one line per iteration, on a log axis. */
import { selectDarkTheme, selectRecords } from '../../store/selectors';
import type { AppState } from '../../store/store';
import { iterationLines } from './recordSeries';
import { useLineChart } from './useLineChart';
import { IterationLegend } from './IterationLegend';
import { HowToRead } from '../teach/HowToRead';
import { SpectrumValues } from '../a11y/ChartValues';

const pick = (s: AppState) => ({ records: selectRecords(s), planned: s.plannedRecords, dark: selectDarkTheme(s) });

function toData({ records, planned, dark }: ReturnType<typeof pick>) {
  return {
    series: iterationLines(records, {
      iteration: (r) => r.iteration,
      values: (r) => r.kernelEigenvalues,
      planned,
      dark,
      baseline: 'baseline',
    }),
  };
}

/** Its own legend (IterationLegend): a colour ramp once there are many iterations, not one swatch each. */
const CHART = {
  xLabel: 'eigenvalue index',
  yLabel: 'eigenvalue of K',
  yScale: 'log',
  testId: 'spectrum-chart',
} as const;

export function SpectrumPanel() {
  const ref = useLineChart(CHART, pick, toData);
  return (
    <section className="panel" aria-label="kernel spectrum">
      <header>
        <h3>Kernel spectrum</h3>
      </header>
      <IterationLegend />
      <div ref={ref} className="chart" />
      <p className="caption">As M learns, the spectrum of K changes shape: a few directions carry the signal.</p>
      <HowToRead panel="spectrum" />
      <SpectrumValues />
    </section>
  );
}
