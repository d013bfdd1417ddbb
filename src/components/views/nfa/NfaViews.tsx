/**
 * The neural network beside the RFM (params.model = 'rfm+nn'), usable with any data: errors by epoch and by
 * iteration on one y axis, the network's features beside M, and the neural feature ansatz correlation.
 */
import { selectNnEnabled } from '../../../store/nnSelectors';
import { useAppStore } from '../../../store/store';
import { NfaCorrelationPanel } from './NfaCorrelationPanel';
import { NnErrorPanel } from './NnErrorPanel';
import { NnFeaturesPanel } from './NnFeaturesPanel';

export function NfaViews() {
  const enabled = useAppStore(selectNnEnabled);
  if (!enabled) return null;
  return (
    <>
      <NfaCorrelationPanel />
      <NnFeaturesPanel />
      <NnErrorPanel />
    </>
  );
}
