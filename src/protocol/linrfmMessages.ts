/**
 * The lin-RFM events of the worker wire format (docs/linrfm.md), joined into WorkerEvent (messages.ts).
 * A lin-RFM run starts with the ordinary `start` command (its job is of kind linrfm or linrfm-phase); it reports
 * its problem and records with these events. Run-scoped like the rest; typed arrays are transferred.
 */
import type { LinRfmRecord, LinRfmSummary } from '../experiments/linrfmExperiment';

export type LinRfmEvent =
  | { type: 'linrfmStarted'; runId: number; summary: LinRfmSummary }
  | { type: 'linrfmIterationCompleted'; runId: number; record: LinRfmRecord };
