/**
 * The phase transition of lin-RFM matrix completion (docs/linrfm.md): for each rank r and observed share p
 * on a fixed grid, a seeded rows x cols rank-r matrix seen on p of its entries is completed for `iters`
 * iterations, and the cell records the final relative recovery error and whether it is below
 * PHASE_THRESHOLD. Success should need p above roughly the degrees of freedom r (m + n - r) / (m n): the
 * boundary between the two regions is the picture. Cells run one after another (one record each), so
 * the worker can report, pause or cancel between them.
 */
import { completeMatrix, relativeError, throttled, type LinRfmHooks } from '../core/linrfm/completion';
import { exactMetric, type LinRfmOptions } from '../core/linrfm/linrfmTypes';
import { minimiseNuclearNorm, NUCLEAR_NORM_DEFAULTS } from '../core/linrfm/nuclearNorm';
import { observedRows } from '../core/linrfm/sparsePlusLowRank';
import { createRandom } from '../core/random';
import { DataError } from '../data/errors';
import { makeCompletionProblem } from '../data/linrfmProblems';
import type { PhaseCell } from '../protocol/linrfmMessages';

export const PHASE_RANKS: readonly number[] = [1, 2, 3, 4, 6, 8];
export const PHASE_OBSERVED: readonly number[] = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6];
/** A cell succeeds when its final ||W - Y||_F / ||Y||_F is below this. */
export const PHASE_THRESHOLD = 1e-2;
/**
 * Sweeps of the nuclear-norm baseline per cell at most: the single completion's budget, so every cell's
 * baseline is as converged as the preset's. At 500 most cells near the boundary stopped unconverged and the
 * baseline lost cells it recovers (60 x 60, rank 4 at 40% seen: 2.1e-2 after 500 sweeps, 1.6e-5 converged
 * after 2,906). A 60 x 60 sweep costs ~5 ms here, so the grid takes minutes; cells that still run out are
 * counted as not converged in the caption and the values table.
 */
export const PHASE_NUCLEAR_SWEEPS = NUCLEAR_NORM_DEFAULTS.maxSweeps;
/** Entries per matrix at most: the sweep runs PHASE_RANKS x PHASE_OBSERVED completions. */
export const PHASE_MAX_ENTRIES = 10_000;

export type { PhaseCell } from '../protocol/linrfmMessages';

export interface PhaseGrid {
  ranks: readonly number[];
  observed: readonly number[];
}

export function phaseCellCount(grid: PhaseGrid = { ranks: PHASE_RANKS, observed: PHASE_OBSERVED }): number {
  return grid.ranks.length * grid.observed.length;
}

export function checkPhaseSize(rows: number, cols: number, grid: PhaseGrid): void {
  if (rows * cols > PHASE_MAX_ENTRIES)
    throw new DataError(
      `the phase transition completes ${phaseCellCount(grid)} matrices: keep rows x cols at most ${PHASE_MAX_ENTRIES.toLocaleString('en')} entries (it is ${rows} x ${cols}; 60 x 60 is the usual size)`,
    );
  const tooLarge = grid.ranks.filter((r) => r > Math.min(rows, cols));
  if (tooLarge.length > 0) throw new DataError(`rank ${tooLarge[0]} does not fit a ${rows} x ${cols} matrix`);
}

/** Runs the grid cell by cell; `checkpoint` is awaited inside every cell's iterations too. */
export async function* phaseTransition(
  size: { rows: number; cols: number; noise: number; seed: number },
  options: LinRfmOptions,
  grid: PhaseGrid = { ranks: PHASE_RANKS, observed: PHASE_OBSERVED },
  hooks: LinRfmHooks = {},
): AsyncGenerator<PhaseCell> {
  const { rows, cols } = size;
  checkPhaseSize(rows, cols, grid);
  // A step is one cell here: inside a cell the worker is offered a checkpoint only every YIELD_MS (one
  // per iteration would cost more idle timer time than the small completions themselves).
  const checkpoint = hooks.checkpoint ?? (() => Promise.resolve());
  const inCell = { checkpoint: throttled(checkpoint) };
  let index = 0;
  for (const rank of grid.ranks) {
    for (const observed of grid.observed) {
      const problem = makeCompletionProblem({ ...size, rank, observed });
      await checkpoint({ iteration: index, phase: 'solve', fraction: 0 });
      let error = Number.NaN;
      for await (const record of completeMatrix(problem, { ...options, softImpute: false }, inCell))
        error = record.recoveryError;
      const nuclear = await minimiseNuclearNorm(
        observedRows(problem.observed, problem.mask, rows, cols),
        exactMetric(options, cols),
        options.basisSize,
        createRandom(options.seed),
        { ...NUCLEAR_NORM_DEFAULTS, maxSweeps: PHASE_NUCLEAR_SWEEPS },
        () => inCell.checkpoint({ iteration: index, phase: 'baseline', fraction: 0 }),
      );
      const nuclearError = relativeError(nuclear.estimate, problem.truth);
      yield {
        iteration: index++,
        rank,
        observed,
        recoveryError: error,
        success: error < PHASE_THRESHOLD,
        degreesOfFreedom: (rank * (rows + cols - rank)) / (rows * cols),
        nuclearError,
        nuclearConverged: nuclear.converged,
        nuclearSuccess: nuclearError < PHASE_THRESHOLD,
      };
    }
  }
}
