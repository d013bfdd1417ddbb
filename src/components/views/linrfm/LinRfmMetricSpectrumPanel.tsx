/** The lin-RFM spectrum of M for the panel registry: the full spectrum, or M's diagonal for sparse recovery. */
import { useAppStore } from '../../../store/store';
import { MetricSpectrumPanel } from './SpectraPanel';

export function LinRfmMetricSpectrumPanel() {
  const sparse = useAppStore((s) => s.params.linrfm === 'sparse');
  return <MetricSpectrumPanel sparse={sparse} />;
}
