/**
 * Download Python for lin-RFM (docs/linrfm.md): a numpy script that runs lin-RFM on the run's own problem
 * and prints its recovery error per iteration beside the app's, with the converged nuclear-norm baseline.
 * The problem is embedded as data (float64, exactly the app's: the true matrix, the mask and the observed
 * entries; or X, y and the true coefficients), not regenerated, so the script needs nothing of the app.
 *
 * The phase grid embeds each rank's true matrix once and each cell's mask (its observed entries are the
 * truth's when there is no noise, else written too): measured 0.29 MB at the usual 60 x 60, 0.79 MB at the
 * 10,000-entry limit (0.86 and 2.37 MB with noise). Embedding keeps the script free of a port of the app's random generator, whose
 * problems a reader could not check; running all 48 cells takes minutes, so it takes --cells.
 * Values enter only through ./pyLiteral.ts; the algorithm is fixed text (./pythonLinRfmBody.ts).
 */
import { exactMetric, type LinRfmOptions } from '../core/linrfm/linrfmTypes';
import { NUCLEAR_NORM_DEFAULTS } from '../core/linrfm/nuclearNorm';
import { makeCompletionProblem, makeSparseProblem } from '../data/linrfmProblems';
import { linRfmOptionsFromParams } from '../experiments/linrfmExperiment';
import {
  checkPhaseSize,
  PHASE_NUCLEAR_SWEEPS,
  PHASE_OBSERVED,
  PHASE_RANKS,
  PHASE_THRESHOLD,
} from '../experiments/linrfmPhase';
import type { Params } from '../params/schema';
import type { LinRfmJob } from '../protocol/jobTypes';
import type { LinRfmRecord } from '../protocol/linrfmMessages';
import { base64Bits, base64Float64 } from './pyData';
import { COMPLETION_MAIN, LINRFM_FUNCTIONS, SPARSE_MAIN } from './pythonLinRfmBody';
import { PHASE_MAIN } from './pythonPhaseBody';
import { ExportError, pyBool, pyInt, pyList, pyNumber, pyOptionalNumber, pyString } from './pyLiteral';

/** Float64 values one script embeds at most (8 MB of numbers, ~11 MB of text). */
export const MAX_EMBEDDED_VALUES = 1_000_000;

function checkSize(values: number, what: string): void {
  if (values > MAX_EMBEDDED_VALUES)
    throw new ExportError(
      `the ${what} has ${values.toLocaleString('en')} values: the script embeds at most ${MAX_EMBEDDED_VALUES.toLocaleString('en')} (Copy command reproduces it with the CLI)`,
    );
}

const list = (values: readonly unknown[], what: string) => pyList(values, (v) => pyOptionalNumber(v, what));

function settings(options: LinRfmOptions, cols: number, nuclearSweeps: number): string[] {
  const exact = exactMetric(options, cols);
  return [
    `POWER = ${pyNumber(options.power, 's')}  # s: M = (W^T W / m + eps I)^s; 1/2 is IRLS for the nuclear (l1) norm`,
    `EPS_START, EPS_DECAY, EPS_FLOOR = ${pyNumber(options.epsStart)}, ${pyNumber(options.epsDecay, 'decay')}, ${pyNumber(options.epsFloor)}`,
    `ITERATIONS = ${pyInt(options.iterations, 'iters')}  # at most this many updates of M`,
    `TOLERANCE = ${pyNumber(options.tolerance)}  # stop once the estimate changes by less (relative)`,
    `EXACT = ${pyBool(exact)}  # False: M keeps its top BASIS eigenvectors and one value for the rest`,
    `BASIS = ${pyInt(options.basisSize, 'basis')}`,
    `NUCLEAR = dict(ratio=${pyNumber(NUCLEAR_NORM_DEFAULTS.ratio)}, lambda_min=${pyNumber(NUCLEAR_NORM_DEFAULTS.lambdaMin)}, ` +
      `tolerance=${pyNumber(NUCLEAR_NORM_DEFAULTS.tolerance)}, max_sweeps=${pyInt(nuclearSweeps)})`,
  ];
}

/** The observed values on the mask, in row-major order. */
function observedValues(observed: Float64Array, mask: Uint8Array): Float64Array {
  return Float64Array.from(Array.from(observed).filter((_, i) => mask[i]));
}

function completionValues(params: Params, options: LinRfmOptions, records: readonly LinRfmRecord[]): string[] {
  const { rows, cols } = params;
  checkSize(pyIntValue(rows, 'rows') * pyIntValue(cols, 'cols') * 2, 'matrix');
  checkProblem(params, ['rank']);
  const problem = makeCompletionProblem({
    rows,
    cols,
    rank: params.rank,
    observed: params.observed,
    noise: params.noise,
    seed: params.seed,
  });
  const done = records.flatMap((r) => (r.kind === 'completion' ? [r.record] : []));
  const last = done.at(-1);
  // The engine runs the baseline with a smaller budget on the truncated path (core/linrfm/completion.ts).
  const sweeps = exactMetric(options, cols) ? NUCLEAR_NORM_DEFAULTS.maxSweeps : 300;
  return [
    `ROWS, COLS, RANK = ${pyInt(rows)}, ${pyInt(cols)}, ${pyInt(params.rank, 'rank')}`,
    ...settings(options, cols, sweeps),
    `APP_ERRORS = ${list(
      done.map((r) => r.recoveryError),
      'a recovery error',
    )}`,
    `APP_NUCLEAR = dict(error=${pyOptionalNumber(last?.softImputeError ?? null)}, sweeps=${pyOptionalNumber(last?.softImputeSweeps ?? null)}, ` +
      `converged=${last?.softImputeConverged == null ? 'None' : pyBool(last.softImputeConverged)})`,
    '# The true matrix (row-major float64), the mask (bits, row-major) and the observed values on the mask.',
    `TRUTH = ${base64Float64(problem.truth)}`,
    `MASK = ${base64Bits(problem.mask)}`,
    `OBSERVED = ${base64Float64(observedValues(problem.observed, problem.mask))}`,
  ];
}

function sparseValues(params: Params, options: LinRfmOptions, records: readonly LinRfmRecord[]): string[] {
  checkSize(pyIntValue(params.n, 'n') * (pyIntValue(params.d, 'd') + 1), 'problem');
  checkProblem(params, ['k']);
  const problem = makeSparseProblem({ n: params.n, d: params.d, k: params.k, noise: params.noise, seed: params.seed });
  const done = records.flatMap((r) => (r.kind === 'sparse' ? [r.record] : []));
  const support = done.at(-1)?.support;
  return [
    `N, D = ${pyInt(problem.n)}, ${pyInt(problem.d)}`,
    ...settings(options, problem.d, 0).filter((line) => !/^(EXACT|BASIS|NUCLEAR) /.test(line)),
    `APP_ERRORS = ${list(
      done.map((r) => r.recoveryError),
      'a recovery error',
    )}`,
    `APP_SUPPORT = ${support ? pyList(support, (j) => pyInt(j)) : 'None'}`,
    '# X [N, D] (row-major float64), y [N] and the true coefficients [D].',
    `X_DATA = ${base64Float64(problem.X)}`,
    `Y_DATA = ${base64Float64(problem.y)}`,
    `BETA = ${base64Float64(problem.beta)}`,
  ];
}

function phaseValues(params: Params, options: LinRfmOptions, records: readonly LinRfmRecord[]): string[] {
  const { rows, cols } = params;
  checkProblem(params, []);
  checkPhaseSize(pyIntValue(rows, 'rows'), pyIntValue(cols, 'cols'), { ranks: PHASE_RANKS, observed: PHASE_OBSERVED });
  const app = new Map(records.flatMap((r) => (r.kind === 'phase' ? [[r.record.iteration, r.record] as const] : [])));
  const truths: string[] = [];
  const cells: string[] = [];
  for (const rank of PHASE_RANKS) {
    for (const observed of PHASE_OBSERVED) {
      const problem = makeCompletionProblem({ rows, cols, rank, observed, noise: params.noise, seed: params.seed });
      // Every cell of a rank has the same true matrix (the generator draws it first): written once.
      if (cells.length % PHASE_OBSERVED.length === 0) truths.push(`    ${base64Float64(problem.truth)},`);
      const values = observedValues(problem.observed, problem.mask);
      const truthOnMask = observedValues(problem.truth, problem.mask);
      const cell = app.get(cells.length);
      cells.push(
        [
          `    dict(rank=${pyInt(rank)}, share=${pyNumber(observed)}, truth=${truths.length - 1},`,
          `         app_error=${pyOptionalNumber(cell?.recoveryError ?? null)}, app_nuclear_error=${pyOptionalNumber(cell?.nuclearError ?? null)},`,
          `         mask=${base64Bits(problem.mask)},`,
          // Without noise the observed entries are the truth's, which the script already has.
          `         values=${values.every((v, i) => v === truthOnMask[i]) ? 'None' : base64Float64(values)}),`,
        ].join('\n'),
      );
    }
  }
  return [
    `ROWS, COLS = ${pyInt(rows)}, ${pyInt(cols)}`,
    `THRESHOLD = ${pyNumber(PHASE_THRESHOLD)}  # a cell succeeds when its final error is below this`,
    ...settings(options, cols, PHASE_NUCLEAR_SWEEPS),
    "# Each rank's true matrix (row-major float64), then the cells: ranks outer, observed shares inner, as the app.",
    `TRUTHS = [\n${truths.join('\n')}\n]`,
    `CELLS = [\n${cells.join('\n')}\n]`,
  ];
}

const pyIntValue = (value: unknown, what: string) => Number(pyInt(value, what));

/** What the problem is generated from, checked before it is generated (as ./python.ts checks the split's). */
function checkProblem(params: Params, counts: ('rank' | 'k')[]): void {
  for (const key of counts) pyInt(params[key], key);
  pyInt(params.seed, 'seed');
  pyNumber(params.noise, 'noise');
  pyNumber(params.observed, 'observed');
}

export function linRfmPythonScript(
  params: Params,
  job: LinRfmJob,
  records: readonly LinRfmRecord[],
  { description, command }: { description: string; command: string },
): string {
  const options = linRfmOptionsFromParams(params);
  // What the settings are computed from (exactMetric compares basis with cols) is checked before use.
  pyInt(options.iterations, 'iters');
  pyInt(options.basisSize, 'basis');
  pyNumber(options.power, 's');
  pyNumber(options.epsDecay, 'decay');
  const problem = job.kind === 'linrfm-phase' ? 'phase' : job.problem;
  const values =
    problem === 'phase'
      ? phaseValues(params, options, records)
      : problem === 'sparse'
        ? sparseValues(params, options, records)
        : completionValues(params, options, records);
  const main = problem === 'phase' ? PHASE_MAIN : problem === 'sparse' ? SPARSE_MAIN : COMPLETION_MAIN;
  const header = problem === 'phase' ? PHASE_HEADER : RUN_HEADER;
  return `${header}DESCRIPTION = ${pyString(description)}\nCOMMAND = ${pyString(command)}\n${values.join('\n')}\n${LINRFM_FUNCTIONS}${main}`;
}

const IMPORTS = `import argparse
import base64

import numpy as np

`;

const RUN_HEADER = `#!/usr/bin/env python3
"""
A lin-RFM run, exported from RFM Explorer (DESCRIPTION and COMMAND below say which; docs/linrfm.md).

Run:  python3 linrfm_run.py         (needs numpy only; float64 throughout, as the app)
It runs lin-RFM, RFM with the linear kernel K(x, z) = x^T M z, on the app's own problem (inline below) and
prints the recovery error of every iteration beside the app's; for matrix completion, also the converged
nuclear-norm baseline (soft-impute on a lambda path). The solves and eigendecompositions are numpy's (dense),
the app's its own, both float64: the errors agree to 1e-12 relative or better while they are large, and to
about 1e-5 once they near 1e-6, where W changes by 1e-7 an iteration (the matrix-completion preset at s = 0.75:
both stop at iteration 119, 9.73e-7 here, 9.73e-7 in the app). With a truncated M (EXACT False: more columns
than the exact limit) the app finds the top eigenvectors by subspace iteration and this script exactly, so they
agree to about 1e-5 throughout.
"""
${IMPORTS}`;

const PHASE_HEADER = `#!/usr/bin/env python3
"""
The lin-RFM phase grid, exported from RFM Explorer (DESCRIPTION and COMMAND below say which; docs/linrfm.md).

Run:  python3 linrfm_phase.py                   (all cells: this takes minutes, as in the app)
      python3 linrfm_phase.py --cells 0-7       (the cells of rank 1 only; also --cells 3,12,40)
Needs numpy only. One matrix completion per cell of the rank x observed-share grid, on the app's own
problems (inline below): lin-RFM for ITERATIONS iterations, then the converged nuclear-norm minimum on the
same matrix. Each cell's final errors are printed beside the app's, with success (error below THRESHOLD).
"""
${IMPORTS}`;
