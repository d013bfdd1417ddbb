/**
 * lin-RFM panels whose look depends on the problem, as the panel registry takes them (no props): M's
 * spectrum (or its diagonal for sparse recovery), and the recovery chart, which spans the row beside
 * matrix completion's three half-width charts.
 */
import { useAppStore } from '../../../store/store';
import { RecoveryPanel } from './RecoveryPanel';
import { MetricSpectrumPanel } from './SpectraPanel';

export function LinRfmMetricSpectrumPanel() {
  const sparse = useAppStore((s) => s.params.linrfm === 'sparse');
  return <MetricSpectrumPanel sparse={sparse} />;
}

export function LinRfmRecoveryPanel() {
  const completion = useAppStore((s) => s.params.linrfm === 'completion');
  return <RecoveryPanel wide={completion} />;
}
