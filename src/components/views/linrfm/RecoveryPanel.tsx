/**
 * Relative recovery error by iteration (log), with the baselines: iteration 0 (M = I, the minimum-norm
 * solution) as a marker and, for matrix completion, converged nuclear-norm minimisation as a flat line.
 * The latest figures are also written out as text, with what this run showed against the nuclear-norm
 * baseline (recoveryFinding), for reading and for tests.
 */
import type { AppState } from '../../../store/store';
import { useAppStore } from '../../../store/store';
import { formatValue } from '../../../viz/format';
import { useLineChart } from '../../panels/useLineChart';
import { LineValues } from '../../a11y/StoreValues';
import { recoveryFinding } from './recoveryFinding';
import { HowToRead } from '../../teach/HowToRead';
import { selectLinRfmRecords } from '../../../store/selectors';

const pick = (s: AppState) => ({ records: selectLinRfmRecords(s) });

function toData({ records }: ReturnType<typeof pick>) {
  const points = (y: (i: number) => number | null) =>
    records.flatMap((r, i) => {
      const v = y(i);
      return v === null ? [] : [{ x: r.record.iteration, y: v }];
    });
  const series = [{ id: 'linrfm', label: 'lin-RFM', points: points((i) => records[i]!.record.recoveryError) }];
  if (records[0]?.kind === 'completion')
    series.push({
      id: 'nuclear-norm',
      label: 'nuclear-norm minimum (converged)',
      points: points((i) => {
        const r = records[i]!;
        return r.kind === 'completion' ? r.record.softImputeError : null;
      }),
    });
  return {
    series,
    annotations: records.length > 0 ? [{ x: 0, label: 'min-norm baseline (M = I)' }] : [],
  };
}

const CHART = {
  xLabel: 'iteration',
  yLabel: '‖W − Y‖ / ‖Y‖',
  yScale: 'log',
  legend: true,
  testId: 'recovery-chart',
} as const;

/** `wide` spans the row: matrix completion has three half-width charts, and the third stood alone. */
export function RecoveryPanel({ wide = false }: { wide?: boolean }) {
  const ref = useLineChart(CHART, pick, toData);
  const first = useAppStore((s) => selectLinRfmRecords(s)[0]?.record.recoveryError);
  const latest = useAppStore((s) => selectLinRfmRecords(s).at(-1)?.record);
  const power = useAppStore((s) => s.params.s);
  const budget = useAppStore((s) => s.params.iters);
  const finished = useAppStore((s) => s.status === 'finished');
  return (
    <section className={wide ? 'panel wide' : 'panel'} aria-label="recovery error">
      <header>
        <h3>Recovery error by iteration</h3>
      </header>
      <div ref={ref} className="chart" />
      <p className="caption">
        {latest ? (
          <>
            Relative error at iteration {latest.iteration}:{' '}
            <output aria-label="recovery error" data-testid="recovery-error" data-value={latest.recoveryError}>
              {formatValue(latest.recoveryError)}
            </output>{' '}
            (min-norm baseline {formatValue(first ?? NaN)}
            ).{' '}
            {'softImputeError' in latest ? (
              <span data-testid="nuclear-finding">{recoveryFinding(latest, { power, budget, finished })}</span>
            ) : null}
          </>
        ) : (
          'No iterations yet.'
        )}
      </p>
      <HowToRead panel="recovery" />
      <LineValues
        label="recovery error by iteration"
        testId="recovery-values"
        pick={pick}
        toData={toData}
        x="iteration"
      />
    </section>
  );
}
