/**
 * One spectrum per iteration on a log axis, coloured by iteration: the singular values of W (they
 * collapse to the rank) or the eigenvalues of M (for sparse recovery: M's diagonal, sorted).
 */
import type { LinRfmRecord } from '../../../experiments/linrfmExperiment';
import { selectDarkTheme, selectLinRfmRecords } from '../../../store/selectors';
import type { AppState } from '../../../store/store';
import { LineValues } from '../../a11y/StoreValues';
import { iterationLines } from '../../panels/recordSeries';
import { useLineChart } from '../../panels/useLineChart';
import { HowToRead } from '../../teach/HowToRead';

type Which = 'singular' | 'metric';

function spectrumOf(record: LinRfmRecord, which: Which): ArrayLike<number> {
  if (record.kind === 'completion')
    return which === 'singular' ? record.record.singularValues : record.record.mSpectrum;
  if (record.kind === 'sparse') return Float64Array.from(record.record.mDiagonal).sort().reverse();
  return [];
}

const pick = (s: AppState) => ({
  records: selectLinRfmRecords(s),
  planned: s.plannedRecords,
  dark: selectDarkTheme(s),
});

function dataFor(which: Which) {
  return ({ records, planned, dark }: ReturnType<typeof pick>) => ({
    series: iterationLines(records, {
      iteration: (r) => r.record.iteration,
      values: (r) => spectrumOf(r, which),
      planned,
      dark,
      baseline: 'M = I',
    }),
  });
}

const toSingular = dataFor('singular');
const toMetric = dataFor('metric');

export function SingularValuesPanel() {
  const ref = useLineChart(
    { xLabel: 'index', yLabel: 'singular value of W', yScale: 'log', testId: 'singular-chart' },
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
      <HowToRead panel="singular" />
      <LineValues
        label="singular values of W"
        testId="singular-values"
        pick={pick}
        toData={toSingular}
        x="index"
        layout="bySeries"
      />
    </section>
  );
}

export function MetricSpectrumPanel({ sparse = false }: { sparse?: boolean }) {
  const yLabel = sparse ? 'diagonal of M (sorted)' : 'eigenvalue of M';
  const ref = useLineChart({ xLabel: 'index', yLabel, yScale: 'log', testId: 'metric-spectrum-chart' }, pick, toMetric);
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
      <HowToRead panel="mspectrum" />
      <LineValues
        label={yLabel}
        testId="metric-spectrum-values"
        pick={pick}
        toData={toMetric}
        x="index"
        layout="bySeries"
      />
    </section>
  );
}
