/**
 * RFM against the n-gram models on the same held-out windows: test accuracy for all, cross-entropy for the
 * models that give probabilities (bigram, trigram) and test MSE for the kernel machines, whose outputs
 * are regression scores.
 */
import type { BaselineScore, IterationRecord } from '../../../core';
import { useAppStore } from '../../../store/store';
import { formatValue } from '../../../viz/format';
import { selectRecords } from '../../../store/selectors';

const percent = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);
const number = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatValue(v));
const attr = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

interface Row {
  id: string;
  label: string;
  accuracy: number | null;
  crossEntropy: number | null;
  mse: number | null;
  note?: string;
}

function kernelRow(id: string, label: string, record: IterationRecord | undefined): Row {
  return { id, label, accuracy: record?.testAccuracy ?? null, crossEntropy: null, mse: record?.testMse ?? null };
}

function baselineRow(score: BaselineScore | undefined, id: string, label: string): Row {
  return {
    id,
    label,
    accuracy: score?.testAccuracy ?? null,
    crossEntropy: score?.testCrossEntropy ?? null,
    mse: score?.testMse ?? null,
  };
}

export function TextComparisonPanel() {
  const records = useAppStore((s) => selectRecords(s));
  const baselines = useAppStore((s) => s.dataset?.baselines);
  const classes = useAppStore((s) => s.dataset?.c ?? 0);
  const nTrain = useAppStore((s) => s.dataset?.nTrain ?? 0);
  const finished = useAppStore((s) => s.status === 'finished');
  const latest = records.at(-1);
  const first = records[0];
  const bigram = baselines?.find((b) => b.name === 'bigram');
  const trigram = baselines?.find((b) => b.name === 'trigram');
  const rows: Row[] = [
    kernelRow('rfm', latest ? `RFM (iteration ${latest.iteration})` : 'RFM', latest),
    kernelRow('kernel', 'Laplace kernel (iteration 0, M = I)', first),
    baselineRow(trigram, 'trigram', 'trigram (previous 2 characters)'),
    baselineRow(bigram, 'bigram', 'bigram (previous character)'),
  ];
  const best = Math.max(...rows.map((r) => r.accuracy ?? -1));
  return (
    <section className="panel" aria-label="comparison with n-gram models">
      <header>
        <h3>RFM vs n-gram models</h3>
      </header>
      <table
        className="metrics text-comparison"
        data-testid="text-comparison"
        data-final={String(finished)}
        data-rfm-acc={attr(latest?.testAccuracy)}
        data-kernel-acc={attr(first?.testAccuracy)}
        data-bigram-acc={attr(bigram?.testAccuracy)}
        data-trigram-acc={attr(trigram?.testAccuracy)}
      >
        <thead>
          <tr>
            <th>model</th>
            <th>test acc.</th>
            <th title="Mean negative log-likelihood of the next character, nats per character (add-one smoothing)">
              cross-entropy
            </th>
            <th title="Mean squared error of the one-hot targets">test MSE</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`text-comparison-${r.id}`} className={r.accuracy === best ? 'best' : ''}>
              <td>{r.label}</td>
              <td>{percent(r.accuracy)}</td>
              <td
                title={
                  r.crossEntropy === null && (r.id === 'rfm' || r.id === 'kernel')
                    ? 'Kernel outputs are regression scores, not probabilities'
                    : undefined
                }
              >
                {number(r.crossEntropy)}
              </td>
              <td>{number(r.mse)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="caption">
        All models are scored on the same held-out windows from the end of the text; the n-gram models count the whole
        training part of the text, RFM sees only its {nTrain.toLocaleString('en')} sampled windows. Guessing uniformly
        gives {classes > 0 ? `${(100 / classes).toFixed(1)}%` : '–'} accuracy and{' '}
        {classes > 0 ? formatValue(Math.log(classes)) : '–'} nats.
      </p>
    </section>
  );
}
