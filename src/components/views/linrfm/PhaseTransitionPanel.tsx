/**
 * The lin-RFM phase transition (docs/linrfm.md): recovery success of matrix completion over observed
 * share x rank, filled in cell by cell as the worker completes them, with the numbers under
 * "Show values" and a sentence giving the count recovered.
 */
import type { AppState } from '../../../store/store';
import { useAppStore } from '../../../store/store';
import { formatValue } from '../../../viz/format';
import { createPhaseGrid } from '../../../viz/phaseGrid';
import { ValuesDetails, ValuesTable } from '../../a11y/ValuesDetails';
import { useChart } from '../../panels/useChart';
import { selectLinRfmRecords, selectLinRfmSummary } from '../../../store/selectors';
import { PHASE_NUCLEAR_SWEEPS } from '../../../experiments/linrfmPhase';
import { phaseFinding } from './phaseFinding';

const pick = (s: AppState) => ({ summary: selectLinRfmSummary(s), records: selectLinRfmRecords(s) });

const cellsOf = (records: ReturnType<typeof selectLinRfmRecords>) =>
  records.flatMap((r) => (r.kind === 'phase' ? [r.record] : []));

function toData({ summary, records }: ReturnType<typeof pick>) {
  if (summary?.kind !== 'phase') return null;
  return { ranks: summary.ranks, observed: summary.observed, threshold: summary.threshold, cells: cellsOf(records) };
}

function PhaseValues() {
  const records = useAppStore((s) => selectLinRfmRecords(s));
  const cells = cellsOf(records);
  return (
    <ValuesDetails label="phase transition" testId="phase-values">
      {() => (
        <ValuesTable
          label="phase transition"
          data={{
            columns: [
              'rank',
              'observed share',
              'degrees of freedom / entries',
              'recovery error',
              'recovered',
              'nuclear-norm error',
              'nuclear norm recovered',
            ],
            rows: cells.map((c) => [
              c.rank,
              c.observed,
              formatValue(c.degreesOfFreedom),
              formatValue(c.recoveryError),
              c.success ? 'yes' : 'no',
              `${formatValue(c.nuclearError)}${c.nuclearConverged ? '' : ' (not converged)'}`,
              c.nuclearSuccess ? 'yes' : 'no',
            ]),
          }}
        />
      )}
    </ValuesDetails>
  );
}

export function PhaseTransitionPanel() {
  const ref = useChart(createPhaseGrid, pick, toData);
  const summary = useAppStore((s) => selectLinRfmSummary(s));
  const records = useAppStore((s) => selectLinRfmRecords(s));
  const cells = cellsOf(records);
  const recovered = cells.filter((c) => c.success).length;
  const nuclear = cells.filter((c) => c.nuclearSuccess).length;
  const unconverged = cells.filter((c) => !c.nuclearConverged).length;
  const finished = useAppStore((s) => s.status === 'finished');
  const boundaries = phaseFinding(cells, finished);
  const total = summary?.kind === 'phase' ? summary.ranks.length * summary.observed.length : 0;
  return (
    <section className="panel wide" aria-label="phase transition">
      <header>
        <h3>Phase transition: recovery over observed share and rank</h3>
      </header>
      <div ref={ref} className="chart" />
      <p className="caption">
        {summary?.kind === 'phase' ? (
          <>
            {summary.rows} x {summary.cols} matrices, each completed until it converged (at most {summary.iterations}{' '}
            iterations); a cell is recovered when its relative error is below {summary.threshold} (outlined).{' '}
            <output aria-label="cells recovered" data-testid="phase-recovered" data-value={recovered}>
              {recovered} of {cells.length}
            </output>{' '}
            done cells recovered by lin-RFM (s = {summary.power}) ({cells.length} of {total} run); converged
            nuclear-norm minimisation on the same matrices:{' '}
            <output aria-label="cells recovered by the nuclear norm" data-testid="phase-nuclear" data-value={nuclear}>
              {nuclear} of {cells.length}
            </output>{' '}
            (its boundary is the dashed white line
            {unconverged > 0
              ? `; ${unconverged} did not converge within its ${PHASE_NUCLEAR_SWEEPS.toLocaleString('en')} sweeps, so their side of the line is uncertain`
              : ''}
            ). <span data-testid="phase-finding">{boundaries}</span>
          </>
        ) : (
          'No cells yet.'
        )}
      </p>
      <PhaseValues />
    </section>
  );
}
