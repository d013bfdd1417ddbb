/**
 * The neural feature ansatz as a number by epoch: the Pearson correlation of the entries of the network's
 * W^T W with its sqrt(AGOP) (raw and centred), with the RFM's M, and beside them the controls: epoch 0 (the
 * network at initialisation against its own AGOP), the off-diagonal entries alone (the diagonal by itself
 * lifts the raw figure high even for a network that learns nothing), and W_0^T W_0 against each epoch's
 * AGOP, named for what it is. The caption's figures are this run's (correlationFinding).
 */
import { selectNn, selectNnFraction, selectNnRecords } from '../../../store/nnSelectors';
import { useAppStore, type AppState } from '../../../store/store';
import { formatValue } from '../../../viz/format';
import { useLineChart } from '../../panels/useLineChart';
import { correlationChart, correlationFinding } from './nfaChartData';
import { LineValues } from '../../a11y/StoreValues';
import { HowToRead } from '../../teach/HowToRead';
import { NfaLegend } from './NfaLegend';

const pick = (s: AppState) => ({ nn: selectNnRecords(s) });
const toData = ({ nn }: ReturnType<typeof pick>) => correlationChart(nn);

const show = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(2);
const attr = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));

export function NfaSummary() {
  const last = useAppStore((s) => selectNnRecords(s).at(-1) ?? null);
  const first = useAppStore((s) => selectNnRecords(s)[0] ?? null);
  const epochs = useAppStore((s) => selectNn(s).epochs);
  const fraction = useAppStore(selectNnFraction);
  return (
    <span
      className="headline"
      data-testid="nfa-summary"
      data-epoch={last?.epoch ?? ''}
      data-nfa-corr={attr(last?.nfaCorr)}
      data-nfa-corr-centred={attr(last?.nfaCorrCentred)}
      data-nfa-corr-offdiag={attr(last?.nfaCorrOffdiag)}
      data-nfa-corr-epoch0={attr(first?.nfaCorr)}
      data-nfa-corr-offdiag-epoch0={attr(first?.nfaCorrOffdiag)}
      data-nfa-corr-w0={attr(last?.nfaCorrW0)}
      data-nfa-corr-offdiag-w0={attr(last?.nfaCorrOffdiagW0)}
      data-nfa-corr-rfm={attr(last?.nfaCorrWithRfmM)}
      data-test-acc={attr(last?.testAccuracy)}
      data-test-mse={attr(last?.testMse)}
    >
      {/* One claim, one control: the other figures are in the legend beside their lines (NfaLegend). */}
      {last
        ? `epoch ${last.epoch}/${epochs}: corr ${show(last.nfaCorr)} (epoch 0: ${show(first?.nfaCorr)}); off the diagonal ${show(last.nfaCorrOffdiag)} (epoch 0: ${show(first?.nfaCorrOffdiag)})`
        : fraction > 0
          ? `training the network: ${formatValue(fraction * 100)}%`
          : 'the network trains after the RFM'}
    </span>
  );
}

function NfaFinding() {
  const finding = useAppStore((s) => correlationFinding(selectNnRecords(s)));
  return <span data-testid="nfa-finding">{finding ?? 'This run’s figures appear here after the first epoch.'}</span>;
}

const CHART = {
  xLabel: 'network epoch',
  yLabel: 'correlation',
  yScale: 'linear',
  // The panel's own legend (NfaLegend) lists the six lines in two groups with their values.
  legend: false,
  testId: 'nfa-chart',
} as const;

export function NfaCorrelationPanel() {
  const ref = useLineChart(CHART, pick, toData);
  return (
    <section className="panel wide" aria-label="neural feature ansatz">
      <header>
        <h3>Neural feature ansatz: corr(WᵀW, √AGOP) by epoch</h3>
        <NfaSummary />
      </header>
      <NfaLegend />
      <div ref={ref} className="chart" />
      <p className="caption">
        Pearson correlation of the entries of the network’s WᵀW with its own √AGOP, and with the RFM’s final M. Epoch 0
        is the network at initialisation against its own AGOP; the off-diagonal line leaves out the diagonal, which
        alone lifts the raw figure. The dashed control is W₀ᵀW₀ against each epoch’s √AGOP (at the end, against the
        final AGOP): not the network at initialisation. <NfaFinding /> Published: above 0.92 on modular addition
        (Mallinar et al. 2024).
      </p>
      <HowToRead panel="nfa" />
      <LineValues label="NFA correlations by epoch" testId="nfa-values" pick={pick} toData={toData} x="epoch" />
    </section>
  );
}
