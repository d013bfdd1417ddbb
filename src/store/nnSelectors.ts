/** Selectors of the network beside the RFM: each returns one value derived from the state. */
import type { NnEpochRecord } from '../core/nn/networkTypes';
import type { AppState } from './store';

const NONE: NnEpochRecord[] = [];

/** The current run's network records (none while the run has not reached the network). */
export const selectNnRecords = (s: AppState): NnEpochRecord[] => (s.nn.runId === s.runId ? s.nn.records : NONE);

/** The record the heatmaps show: the scrubbed one, or the latest. */
export const selectShownNnRecord = (s: AppState): NnEpochRecord | null => {
  const records = selectNnRecords(s);
  return (s.selectedNnRecord === null ? undefined : records[s.selectedNnRecord]) ?? records.at(-1) ?? null;
};

/** The network's progress in [0, 1]: epochs done (and the current epoch's fraction) over those planned. */
export const selectNnFraction = (s: AppState): number => {
  if (s.nn.runId !== s.runId || s.nn.epochs === 0) return 0;
  const progress = s.nn.progress;
  const done = progress ? progress.epoch - 1 + progress.fraction : 0;
  return Math.min(1, Math.max(done, selectNnRecords(s).at(-1)?.epoch ?? 0) / s.nn.epochs);
};
