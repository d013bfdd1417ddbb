/** Selectors of the ConvRFM views (docs/convrfm.md): its results and the iteration the scrubber shows. */
import type { ConvLine, ConvPoint, ConvRecord, ConvSummary } from '../../../protocol/convMessages';
import type { AppState } from '../../../store/store';

// The results of another kind read as these (module constants, so a selector's value stays the same object).
const NO_RECORDS: ConvRecord[] = [];
const NO_LINES: Record<ConvLine, ConvPoint[]> = { plain: [], deepLearned: [], deepIdentity: [] };

export const selectConvRecords = (s: AppState): ConvRecord[] =>
  s.results.kind === 'convrfm' ? s.results.records : NO_RECORDS;

export const selectConvSummary = (s: AppState): ConvSummary | null =>
  s.results.kind === 'convrfm' ? s.results.summary : null;

export const selectConvLines = (s: AppState): Record<ConvLine, ConvPoint[]> =>
  s.results.kind === 'convrfm' ? s.results.lines : NO_LINES;

/** Index of the shown iteration: the scrubbed one, or the latest (-1 when there is none). */
export const selectShownConvIndex = (s: AppState): number => {
  const last = selectConvRecords(s).length - 1;
  return s.selectedIteration === null ? last : Math.min(s.selectedIteration, last);
};

export const selectShownConvRecord = (s: AppState): ConvRecord | null =>
  selectConvRecords(s)[selectShownConvIndex(s)] ?? null;

/** Whether the job has ended with all it will report (the captions then give a verdict). */
export const selectConvFinished = (s: AppState): boolean => s.status === 'finished';
