/** Selectors of the lin-RFM views: the records by kind and the iteration the scrubber shows. */
import type { CompletionRecord, SparseRecord } from '../../../core/linrfm/linrfmTypes';
import type { AppState } from '../../../store/store';
import { selectLinRfmRecords } from '../../../store/selectors';

export const selectCompletionRecords = (s: AppState): CompletionRecord[] =>
  selectLinRfmRecords(s).flatMap((r) => (r.kind === 'completion' ? [r.record] : []));

export const selectSparseRecords = (s: AppState): SparseRecord[] =>
  selectLinRfmRecords(s).flatMap((r) => (r.kind === 'sparse' ? [r.record] : []));

/** Index of the shown iteration: the scrubbed one, or the latest (-1 when there is none). */
export const selectShownLinRfmIndex = (s: AppState): number => {
  const last = selectLinRfmRecords(s).length - 1;
  return s.selectedIteration === null ? last : Math.min(s.selectedIteration, last);
};
