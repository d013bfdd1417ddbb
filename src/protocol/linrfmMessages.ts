/**
 * The lin-RFM events of the worker wire format (docs/linrfm.md), joined into WorkerEvent (messages.ts).
 * A lin-RFM run starts with the ordinary `start` command (its job is of kind linrfm or linrfm-phase); it
 * reports its problem and records with these events. The summary and records are defined here, where both
 * sides of the worker read them (experiments/linrfmExperiment.ts builds them). Run-scoped like the rest;
 * typed arrays are transferred.
 */
import type { CompletionRecord, SparseRecord } from '../core/linrfm/linrfmTypes';

export interface PhaseCell {
  /** The cell's place in run order (ranks outer, observed shares inner); `iteration` for the shared views. */
  iteration: number;
  rank: number;
  observed: number;
  /** Final relative recovery error. */
  recoveryError: number;
  success: boolean;
  /** r (m + n - r) / (m n): the share of entries the unknowns would fill. */
  degreesOfFreedom: number;
  /** The converged nuclear-norm minimum on the same matrix: its error, whether it converged, and success. */
  nuclearError: number;
  nuclearConverged: boolean;
  nuclearSuccess: boolean;
}

export type LinRfmSummary =
  | {
      kind: 'completion';
      rows: number;
      cols: number;
      rank: number;
      observedCount: number;
      /** Preview grid size (at most PREVIEW_SIDE per side). */
      previewRows: number;
      previewCols: number;
      /** The true matrix and the mask on the preview grid, row-major. */
      truthPreview: Float32Array;
      maskPreview: Uint8Array;
      /** M's rank cap above exactUpTo columns (docs/linrfm.md). */
      basisSize: number;
      /** M is exact up to this many columns. */
      exactUpTo: number;
    }
  | { kind: 'sparse'; n: number; d: number; k: number; beta: Float64Array }
  | {
      kind: 'phase';
      rows: number;
      cols: number;
      ranks: readonly number[];
      observed: readonly number[];
      threshold: number;
      iterations: number;
      /** lin-RFM's power s, for the caption. */
      power: number;
    };

export type LinRfmRecord =
  | { kind: 'completion'; record: CompletionRecord }
  | { kind: 'sparse'; record: SparseRecord }
  | { kind: 'phase'; record: PhaseCell };

export type LinRfmEvent =
  | { type: 'linrfmStarted'; runId: number; summary: LinRfmSummary }
  | { type: 'linrfmIterationCompleted'; runId: number; record: LinRfmRecord };
