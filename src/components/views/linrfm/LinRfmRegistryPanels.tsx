/**
 * lin-RFM panels whose look depends on the problem, as the panel registry takes them (no props): M's
 * spectrum (or its diagonal for sparse recovery), and the recovery chart, which spans the row beside
 * matrix completion's three half-width charts.
 */
import type { LinRfmProblem } from '../../../jobs/job';
import { selectPlannedJob } from '../../../store/selectors';
import { useAppStore, type AppState } from '../../../store/store';
import { RecoveryPanel } from './RecoveryPanel';
import { MetricSpectrumPanel } from './SpectraPanel';

/** The lin-RFM problem of the job the parameters describe, or null for other kinds. */
const selectProblem = (s: AppState): LinRfmProblem | null => {
  const job = selectPlannedJob(s);
  return job.kind === 'linrfm' ? job.problem : null;
};

export function LinRfmMetricSpectrumPanel() {
  const sparse = useAppStore((s) => selectProblem(s) === 'sparse');
  return <MetricSpectrumPanel sparse={sparse} />;
}

export function LinRfmRecoveryPanel() {
  const completion = useAppStore((s) => selectProblem(s) === 'completion');
  return <RecoveryPanel wide={completion} />;
}
