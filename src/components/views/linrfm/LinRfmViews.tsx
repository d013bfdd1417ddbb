/** The panels of a lin-RFM run (docs/linrfm.md): matrix completion or sparse recovery. */
import { useAppStore } from '../../../store/store';
import { CoefficientsPanel } from './CoefficientsPanel';
import { MatricesPanel } from './MatricesPanel';
import { RecoveryPanel } from './RecoveryPanel';
import { MetricSpectrumPanel, SingularValuesPanel } from './SpectraPanel';

export function LinRfmViews() {
  const problem = useAppStore((s) => s.params.linrfm);
  if (problem === 'sparse')
    return (
      <>
        <CoefficientsPanel />
        <RecoveryPanel />
        <MetricSpectrumPanel sparse />
      </>
    );
  return (
    <>
      <MatricesPanel />
      <RecoveryPanel wide />
      <SingularValuesPanel />
      <MetricSpectrumPanel />
    </>
  );
}
