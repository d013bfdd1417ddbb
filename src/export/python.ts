/**
 * Download Python: a self-contained numpy script that trains the same RFM on the run's own data (inline,
 * as base64 float32) and prints the test MSE of every iteration next to the app's. The rows are the
 * engine's own: the same validation split (same seed), the model fitted on the same rows, the same AGOP
 * sample rows (docs/algorithm.md, steps 5 and 7).
 *
 * Every value of the run enters the script through ./pyLiteral.ts (string literals in escaped ASCII,
 * numbers checked finite, words checked against their list); the algorithm (./pythonBody.ts) is fixed
 * text. A value that cannot be written safely refuses the export (ExportError) instead of being written.
 */
import { splitValidation } from '../core/inputs';
import { KERNEL_NAMES, UPDATE_CONVENTIONS, type Dataset, type RfmOptions } from '../core/types';
import { agopSampleRows } from './agopRows';
import { PYTHON_BODY } from './pythonBody';
import { base64Float32 } from './pyData';
import { ExportError, pyBool, pyChoice, pyInt, pyList, pyNumber, pyOptionalNumber, pyString } from './pyLiteral';

export interface PythonExport {
  data: Pick<Dataset, 'xTrain' | 'yTrain' | 'xTest' | 'yTest' | 'nTrain' | 'nTest' | 'd' | 'c' | 'accuracy'>;
  options: RfmOptions;
  /** The app's test MSE per iteration, printed beside the script's own. */
  appTestMse: (number | null)[];
  /** e.g. "preset seed" (free text: written as a string literal). */
  description: string;
  /** The `npx rfm ...` line that reproduces the run (free text: written as a string literal). */
  command: string;
}

const ACCURACY_RULES = ['argmax', 'sign', 'threshold', 'none'] as const;

/** The rows a run is fitted on, validated and tested on, and the AGOP's sample, checked and split as the engine does. */
export function exportRows(data: PythonExport['data'], options: RfmOptions) {
  const d = Number(pyInt(data.d, 'd'));
  const c = Number(pyInt(data.c, 'c'));
  // What the split and the sample rows are computed from is checked before they are computed.
  pyInt(data.nTrain, 'n');
  pyInt(data.nTest, 'ntest');
  pyInt(options.seed, 'seed');
  pyInt(options.agopSampleSize, 'sample');
  pyNumber(options.validationFraction, 'val');
  for (const [name, x, rows, cols] of [
    ['training inputs', data.xTrain, data.nTrain, d],
    ['training targets', data.yTrain, data.nTrain, c],
    ['test inputs', data.xTest, data.nTest, d],
    ['test targets', data.yTest, data.nTest, c],
  ] as const) {
    if (!(x instanceof Float32Array) || x.length !== rows * cols)
      throw new ExportError(`the ${name} are not ${rows} x ${cols} float32 values`);
  }
  const { fit, validation } = splitValidation(data as Dataset, options.validationFraction, options.seed);
  const empty = new Float32Array(0);
  return {
    d,
    c,
    fit,
    validation: validation ?? { x: empty, y: empty, n: 0 },
    agopRows: agopSampleRows(fit.n, options),
  };
}

/** The settings every RFM script reads from its globals (./pythonBody.ts), one assignment a line. */
export function rfmSettings(options: RfmOptions, accuracy: unknown): string[] {
  return [
    `KERNEL = ${pyChoice(options.kernel, KERNEL_NAMES, 'the kernel')}  # laplace | gaussian | laplace-q`,
    `BANDWIDTH = ${pyNumber(options.bandwidth, 'L')}  # L`,
    `EXPONENT = ${pyNumber(options.exponent, 'q')}  # q of laplace-q`,
    `RIDGE = ${pyNumber(options.ridge, 'lambda')}  # lambda`,
    `ITERATIONS = ${pyInt(options.iterations, 'iters')}  # M updates T (T + 1 solves; iteration 0 is M = I)`,
    `CONVENTION = ${pyChoice(options.convention, UPDATE_CONVENTIONS, 'the update')}  # mean: G / n; max: G / max|G|; sqrt: (G / n)^(1/2)`,
    `DIAGONAL = ${pyBool(options.diagonal, 'diag')}  # keep M diagonal`,
    `CENTERING = ${pyBool(options.centering, 'center')}  # subtract the mean gradient before the AGOP`,
    `EARLY_STOPPING = ${pyBool(options.earlyStopping, 'stop')}  # stop once the validation MSE > best x 1.1`,
    `ACCURACY = ${pyChoice(accuracy, ACCURACY_RULES, 'the accuracy rule')}  # argmax | sign | threshold | none`,
    `SEED = ${pyInt(options.seed, 'seed')}  # the app's seed: its validation split and AGOP rows are inline below`,
    `VALIDATION_FRACTION = ${pyNumber(options.validationFraction, 'val')}`,
  ];
}

export function pythonScript({ data, options, appTestMse, description, command }: PythonExport): string {
  const { d, c, fit, validation, agopRows } = exportRows(data, options);
  const values = [
    `DESCRIPTION = ${pyString(description)}`,
    `COMMAND = ${pyString(command)}`,
    ...rfmSettings(options, data.accuracy),
    `N_FIT, N_VALIDATION, N_TEST, D, C = ${pyInt(fit.n)}, ${pyInt(validation.n)}, ${pyInt(data.nTest)}, ${d}, ${c}`,
    `APP_TEST_MSE = ${pyList(appTestMse, (v) => pyOptionalNumber(v, 'a test MSE'))}`,
    `# The rows of the fitted set the AGOP averages over (the app's own sample); None: all of them.`,
    `AGOP_ROWS = ${agopRows ? pyList(agopRows, (i) => pyInt(i)) : 'None'}`,
    `X_FIT = ${base64Float32(fit.x)}`,
    `Y_FIT = ${base64Float32(fit.y)}`,
    `X_VALIDATION = ${base64Float32(validation.x)}`,
    `Y_VALIDATION = ${base64Float32(validation.y)}`,
    `X_TEST = ${base64Float32(data.xTest)}`,
    `Y_TEST = ${base64Float32(data.yTest)}`,
  ];
  return `${PYTHON_HEADER}${values.join('\n')}\n${PYTHON_BODY}`;
}

const PYTHON_HEADER = `#!/usr/bin/env python3
"""
Recursive Feature Machine, exported from RFM Explorer (DESCRIPTION and COMMAND below say which run).

Run:  python3 rfm_run.py            (needs numpy only; float64 throughout)
It trains the same RFM on the same data as the app (the data is inline below: the rows the model is fitted
on, the validation rows the app held out with the same seed, and the test rows) and prints the test MSE of
every iteration beside the app's (float32 in the browser): they agree to about 1e-3 relative or better.

At scale, on a GPU: the same steps in PyTorch are a line each (torch.cdist for distances, torch.linalg.solve
or torch.linalg.cholesky + cholesky_solve for alpha, two matmuls for the gradients, as in gradients() below);
move X, Y and M to torch.device("cuda") in float32. The xRFM library (pip install xrfm,
github.com/dmbeaglehole/xRFM) implements RFMs for large tabular data with tree-partitioned, GPU-batched
kernels: its "max" update convention is this script's CONVENTION = "max".
"""
import base64

import numpy as np

`;
