/**
 * The `nn` part of `rfm preset` JSON when params.model = 'rfm+nn': trains the network beside the RFM on the
 * same data and reports its recorded epochs, the epoch-0 figures, the W_0 control and the final W1^T W1:
 *
 *   {"history": [{"epoch", "train_loss", "test_mse", "test_acc", "nfa_corr", "nfa_corr_centred",
 *     "nfa_corr_offdiag", "nfa_corr_w0", "nfa_corr_offdiag_w0", "nfa_corr_with_rfm_M"}, ...],
 *    "nfa_corr_epoch0": ..., "nfa_corr_offdiag_epoch0": ..., "nfa_corr_w0_final_agop": ..., "W1tW1": [[...]]}
 *
 * nfa_corr_epoch0 is the network at initialisation measured against its own AGOP (the first record's
 * nfa_corr): the honest "before" figure. nfa_corr_w0_final_agop correlates the initial weights' W0^T W0
 * with the FINAL sqrt(AGOP), a different control (docs/nfa.md).
 */
import type { Dataset } from '../core';
import { trainNetwork } from '../core/nn/train';
import type { NnEpochRecord } from '../core/nn/networkTypes';
import { nnOptionsFromParams } from '../experiments/nnOptions';
import type { Params } from '../params/schema';

export interface NnHistoryJson {
  epoch: number;
  train_loss: number;
  test_mse: number | null;
  test_acc: number | null;
  nfa_corr: number | null;
  nfa_corr_centred: number | null;
  nfa_corr_offdiag: number | null;
  nfa_corr_w0: number | null;
  nfa_corr_offdiag_w0: number | null;
  nfa_corr_with_rfm_M: number | null;
  elapsed_ms: number;
}

export interface NnJson {
  options: ReturnType<typeof nnOptionsFromParams>;
  history: NnHistoryJson[];
  /** The network at initialisation against its own sqrt(AGOP) (epoch 0's nfa_corr), all entries and off the diagonal. */
  nfa_corr_epoch0: number | null;
  nfa_corr_offdiag_epoch0: number | null;
  /** W0^T W0 against the final sqrt(AGOP) (the last record's nfa_corr_w0): not the network at initialisation. */
  nfa_corr_w0_final_agop: number | null;
  /** [d][d], at the last epoch. */
  W1tW1: number[][];
  total_ms: number;
}

const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);

function matrixRows(values: Float64Array, d: number): number[][] {
  return Array.from({ length: d }, (_, i) => Array.from(values.subarray(i * d, (i + 1) * d)));
}

export function nnRecordToJson(r: NnEpochRecord): NnHistoryJson {
  return {
    epoch: r.epoch,
    train_loss: r.trainLoss,
    test_mse: finite(r.testMse),
    test_acc: finite(r.testAccuracy),
    nfa_corr: finite(r.nfaCorr),
    nfa_corr_centred: finite(r.nfaCorrCentred),
    nfa_corr_offdiag: finite(r.nfaCorrOffdiag),
    nfa_corr_w0: finite(r.nfaCorrW0),
    nfa_corr_offdiag_w0: finite(r.nfaCorrOffdiagW0),
    nfa_corr_with_rfm_M: finite(r.nfaCorrWithRfmM),
    elapsed_ms: Math.round(r.elapsedMs),
  };
}

/** e.g. `network epoch 40/150  train loss 1.2e-3  test MSE 4.1e-2  test acc 98.0%  nfa corr 0.95 (W0 vs this AGOP 0.41), ...` */
function progressLine(r: NnEpochRecord, epochs: number): string {
  const parts = [`network epoch ${r.epoch}/${epochs}`, `train loss ${r.trainLoss.toExponential(2)}`];
  if (r.testMse !== null) parts.push(`test MSE ${r.testMse.toExponential(2)}`);
  if (r.testAccuracy !== null) parts.push(`test acc ${(r.testAccuracy * 100).toFixed(1)}%`);
  parts.push(
    `nfa corr ${r.nfaCorr.toFixed(3)} (W0 vs this AGOP ${r.nfaCorrW0.toFixed(3)}), centred ${r.nfaCorrCentred.toFixed(3)}, off-diag ${r.nfaCorrOffdiag.toFixed(3)} (W0 vs this AGOP ${r.nfaCorrOffdiagW0.toFixed(3)})`,
  );
  return parts.join('  ');
}

export async function networkReport(
  data: Dataset,
  params: Params,
  rfmM: Float64Array | null,
  log: (line: string) => void,
): Promise<NnJson> {
  const options = nnOptionsFromParams(params);
  const started = performance.now();
  const history: NnEpochRecord[] = [];
  for await (const record of trainNetwork(data, options, { rfmM })) {
    history.push(record);
    log(progressLine(record, options.epochs));
  }
  const last = history.at(-1)!;
  return {
    options,
    history: history.map(nnRecordToJson),
    nfa_corr_epoch0: finite(history[0]!.nfaCorr),
    nfa_corr_offdiag_epoch0: finite(history[0]!.nfaCorrOffdiag),
    nfa_corr_w0_final_agop: finite(last.nfaCorrW0),
    W1tW1: matrixRows(last.WtW, last.d),
    total_ms: Math.round(performance.now() - started),
  };
}
