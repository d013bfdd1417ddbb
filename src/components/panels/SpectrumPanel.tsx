/** The top eigenvalues of K_{M_t}(X, X), one line per iteration, on a log axis. */
import { selectDarkTheme } from '../../store/selectors';
import type { AppState } from '../../store/store';
import { iterationColor } from '../../viz/colors';
import { createLineChart } from '../../viz/lineChart';
import { useChart } from './useChart';
import { IterationLegend } from './IterationLegend';
import { HowToRead } from '../teach/HowToRead';
import { SpectrumValues } from '../a11y/ChartValues';

const pick = (s: AppState) => ({ records: s.records, planned: s.plannedRecords, dark: selectDarkTheme(s) });

function toData({ records, planned, dark }: ReturnType<typeof pick>) {
  return {
    series: records.map((r) => ({
      id: `t${r.iteration}`,
      label: r.iteration === 0 ? 'iteration 0 (baseline)' : `iteration ${r.iteration}`,
      color: iterationColor(r.iteration, Math.max(planned, records.length), dark),
      points: Array.from(r.kernelEigenvalues, (y, i) => ({ x: i + 1, y })),
    })),
  };
}

export function SpectrumPanel() {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: 'eigenvalue index',
        yLabel: 'eigenvalue of K',
        yScale: 'log',
        // Its own legend (IterationLegend): a colour ramp once there are many iterations, not one swatch each.
        legend: false,
        testId: 'spectrum-chart',
      }),
    pick,
    toData,
  );
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
