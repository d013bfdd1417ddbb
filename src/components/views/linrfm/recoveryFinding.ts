/**
 * What a matrix-completion run showed against its strongest fair baseline, converged nuclear-norm
 * minimisation (docs/linrfm.md), in words for the recovery caption; also when the baseline wins.
 */
import type { CompletionRecord } from '../../../core/linrfm/linrfmTypes';
import { formatValue } from '../../../viz/format';

/** Errors within this factor of each other count as a tie. */
const TIE = 2;

export function recoveryFinding(latest: CompletionRecord, power: number): string | null {
  const base = latest.softImputeError;
  if (base === null || latest.softImputeSweeps === null) return null;
  const run = latest.recoveryError;
  const sweeps = `${latest.softImputeSweeps} sweeps${latest.softImputeConverged ? '' : ', not converged within its budget'}`;
  const verdict =
    run * TIE < base
      ? `lin-RFM (s = ${power}) does better than the nuclear-norm minimum here`
      : base * TIE < run
        ? `the nuclear-norm minimum does better than lin-RFM (s = ${power}) here`
        : `lin-RFM (s = ${power}) and the nuclear-norm minimum are level here`;
  return `Converged nuclear-norm minimisation reaches ${formatValue(base)} (${sweeps}); lin-RFM ${formatValue(run)} at iteration ${latest.iteration}: ${verdict}.`;
}
