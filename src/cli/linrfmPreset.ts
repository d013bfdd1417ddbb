/**
 * `rfm preset matrix-completion|sparse-recovery` (or any preset with --set linrfm=...): runs lin-RFM
 * (docs/linrfm.md), logs each iteration (or cell of the phase grid) and returns the JSON that the app's
 * Download JSON also writes for the run (export/linrfmJson.ts).
 */
import { startLinRfm, type LinRfmJob, type LinRfmRecord } from '../experiments/linrfmExperiment';
import { linRfmIterationJson, linRfmResultJson } from '../export/linrfmJson';
import type { Params } from '../params/schema';

export type { LinRfmIterationJson } from '../export/linrfmJson';

function logLine(record: LinRfmRecord, params: Params, cells: number): string {
  if (record.kind === 'phase') {
    const r = record.record;
    return `cell ${r.iteration + 1}/${cells}  rank ${r.rank}  observed ${r.observed}  recovery error ${r.recoveryError.toExponential(3)}${r.success ? '  recovered' : ''}  nuclear norm ${r.nuclearError.toExponential(3)}${r.nuclearConverged ? '' : ' (not converged)'}${r.nuclearSuccess ? '  recovered' : ''}`;
  }
  const json = linRfmIterationJson(record);
  const ms = Object.values(json.timings_ms).reduce((a, b) => a + b, 0);
  const extra =
    record.kind === 'completion' && record.record.softImputeError !== null
      ? `  nuclear-norm minimum ${record.record.softImputeError.toExponential(3)}`
      : record.kind === 'sparse'
        ? `  support ${record.record.support.length}`
        : '';
  return `iter ${json.iter}/${params.iters}  recovery error ${json.recovery_error.toExponential(3)}${extra}  ${(ms / 1000).toFixed(2)} s`;
}

export async function runLinRfmPreset(job: LinRfmJob, params: Params, log: (line: string) => void) {
  const run = startLinRfm(job, params);
  const { summary } = run;
  const cells = summary.kind === 'phase' ? summary.ranks.length * summary.observed.length : 0;
  const records: LinRfmRecord[] = [];
  for await (const record of run.records) {
    records.push(record);
    log(logLine(record, params, cells));
  }
  return linRfmResultJson(summary, records, params.iters);
}
