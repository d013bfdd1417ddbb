/**
 * The lin-RFM part of the worker wire format (docs/linrfm.md): one command and two events, joined into
 * WorkerCommand and WorkerEvent (messages.ts). Run-scoped like the rest; typed arrays are transferred.
 */
import type { LinRfmRecord, LinRfmSummary } from '../experiments/linrfm';
import type { Params } from '../params/schema';

export type LinRfmCommand = { type: 'linrfmRun'; runId: number; params: Params; mode: 'play' | 'step' };

export type LinRfmEvent =
  | { type: 'linrfmStarted'; runId: number; summary: LinRfmSummary }
  | { type: 'linrfmIterationCompleted'; runId: number; record: LinRfmRecord };
