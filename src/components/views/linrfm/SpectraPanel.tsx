/**
 * One spectrum per iteration on a log axis, coloured by iteration: the singular values of W (they
 * collapse to the rank) or the eigenvalues of M (for sparse recovery: M's diagonal, sorted).
 */
import type { LinRfmRecord } from '../../../experiments/linrfmExperiment';
import type { AppState } from '../../../store/store';
import { iterationColor } from '../../../viz/colors';
import { createLineChart } from '../../../viz/lineChart';
import { useChart } from '../../panels/useChart';

type Which = 'singular' | 'metric';

function spectrumOf(record: LinRfmRecord, which: Which): ArrayLike<number> {
  if (record.kind === 'completion')
    return which === 'singular' ? record.record.singularValues : record.record.mSpectrum;
  if (record.kind === 'sparse') return Float64Array.from(record.record.mDiagonal).sort().reverse();
  return [];
}

const pick = (s: AppState) => ({ records: s.linrfmRecords, planned: s.plannedRecords });

function dataFor(which: Which) {
  return ({ records, planned }: ReturnType<typeof pick>) => ({
    series: records.map((r) => ({
      id: `t${r.record.iteration}`,
      label: r.record.iteration === 0 ? 'iteration 0 (M = I)' : `iteration ${r.record.iteration}`,
      color: iterationColor(r.record.iteration, Math.max(planned, records.length)),
      points: Array.from(spectrumOf(r, which), (y, i) => ({ x: i + 1, y })),
    })),
  });
}

const toSingular = dataFor('singular');
const toMetric = dataFor('metric');

export function SingularValuesPanel() {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: 'index',
        yLabel: 'singular value of W',
        yScale: 'log',
        testId: 'singular-chart',
      }),
    pick,
    toSingular,
  );
  return (
    <section className="panel" aria-label="singular values of W">
      <header>
        <h3>Singular values of W</h3>
      </header>
      <div ref={ref} className="chart" />
      <p className="caption">One line per iteration, light to dark: all but the top r collapse towards 0.</p>
    </section>
  );
}

export function MetricSpectrumPanel({ sparse = false }: { sparse?: boolean }) {
  const ref = useChart(
    (node) =>
      createLineChart(node, {
        xLabel: 'index',
        yLabel: sparse ? 'diagonal of M (sorted)' : 'eigenvalue of M',
        yScale: 'log',
        testId: 'metric-spectrum-chart',
      }),
    pick,
    toMetric,
  );
  return (
    <section className="panel" aria-label="spectrum of M">
      <header>
        <h3>{sparse ? 'Diagonal of M' : 'Spectrum of M'}</h3>
      </header>
      <div ref={ref} className="chart" />
      <p className="caption">
        The metric each iteration solves in, one line per iteration: it concentrates on the signal’s{' '}
        {sparse ? 'coordinates' : 'directions'}.
      </p>
    </section>
  );
}
