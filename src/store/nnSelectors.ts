/** Selectors of the network beside the RFM: each returns one value derived from the state. */
import type { NnEpochRecord } from '../core/nn/networkTypes';
import { EMPTY_NN, type NnHistory } from './results';
import type { AppState } from './store';

/** The network of the job on screen (an empty history for a job that trains none, or before it starts). */
export const selectNn = (s: AppState): NnHistory => (s.results.kind === 'rfm+nn' ? s.results.nn : EMPTY_NN);

/** The current run's network records (none while the run has not reached the network). */
export const selectNnRecords = (s: AppState): NnEpochRecord[] => selectNn(s).records;

/** The record the heatmaps show: the scrubbed one, or the latest. */
export const selectShownNnRecord = (s: AppState): NnEpochRecord | null => {
  const records = selectNnRecords(s);
  return (s.selectedNnRecord === null ? undefined : records[s.selectedNnRecord]) ?? records.at(-1) ?? null;
};

/** The network's progress in [0, 1]: epochs done (and the current epoch's fraction) over those planned. */
export const selectNnFraction = (s: AppState): number => {
  const nn = selectNn(s);
  if (!nn.started || nn.epochs === 0) return 0;
  const done = nn.progress ? nn.progress.epoch - 1 + nn.progress.fraction : 0;
  return Math.min(1, Math.max(done, nn.records.at(-1)?.epoch ?? 0) / nn.epochs);
};
