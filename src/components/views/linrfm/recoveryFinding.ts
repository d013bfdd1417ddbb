/**
 * What a matrix-completion run showed against its strongest fair baseline, converged nuclear-norm
 * minimisation (docs/linrfm.md), in words for the recovery caption; also when the baseline wins. Both
 * sides stop on the same rule (a relative change below LINRFM_TOLERANCE), so a finished run says whether
 * lin-RFM converged or ran out of its iteration budget first.
 */
import { hasConverged, LINRFM_TOLERANCE, type CompletionRecord } from '../../../core/linrfm/linrfmTypes';
import { formatValue } from '../../../viz/format';

/** Errors within this factor of each other count as a tie. */
const TIE = 2;

export interface RunStage {
  power: number;
  /** The iteration budget (params.iters). */
  budget: number;
  finished: boolean;
}

export function recoveryFinding(latest: CompletionRecord, { power, budget, finished }: RunStage): string | null {
  const base = latest.softImputeError;
  if (base === null || latest.softImputeSweeps === null) return null;
  const run = latest.recoveryError;
  const sweeps = `${latest.softImputeSweeps} sweeps${latest.softImputeConverged ? '' : ', not converged within its budget'}`;
  const tense = finished ? 'does' : 'is doing';
  const verdict =
    run * TIE < base
      ? `lin-RFM (s = ${power}) ${tense} better than the nuclear-norm minimum here`
      : base * TIE < run
        ? `the nuclear-norm minimum ${finished ? 'does' : 'is doing'} better than lin-RFM (s = ${power}) here`
        : `lin-RFM (s = ${power}) and the nuclear-norm minimum ${finished ? 'are' : 'are so far'} level here`;
  return `Converged nuclear-norm minimisation reaches ${formatValue(base)} (${sweeps}); lin-RFM ${formatValue(run)} ${stopText(latest, budget, finished)}: ${verdict}.`;
}

function stopText(latest: CompletionRecord, budget: number, finished: boolean): string {
  const at = `at iteration ${latest.iteration}`;
  if (hasConverged(latest.change, { tolerance: LINRFM_TOLERANCE }))
    return `${at}, converged (W changed by less than ${formatValue(LINRFM_TOLERANCE)})`;
  if (finished && latest.iteration >= budget && latest.change !== null)
    return `${at}, the end of its budget, not converged (W still changed by ${formatValue(latest.change)} in the last iteration)`;
  return at;
}
