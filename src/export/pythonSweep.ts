/**
 * Download Python for a sweep: a numpy script that runs the same RFM once per swept value (./pythonBody.ts's
 * `train`), on each point's own data (inline, float32 as the app trained on it: the same rows, validation
 * split and AGOP sample), and prints each point's baseline, final and best test MSE beside the app's.
 * A sweep of L, lambda or iters trains every point on one data set, written once; a sweep of d, n or noise
 * has data of its own per point. Values enter only through ./pyLiteral.ts, as in ./python.ts.
 */
import type { RfmOptions } from '../core/types';
import type { SweepPoint } from '../protocol/messages';
import { RFM_FUNCTIONS } from './pythonBody';
import { exportRows, rfmSettings, type PythonExport } from './python';
import { base64Float32 } from './pyData';
import { ExportError, pyChoice, pyInt, pyList, pyNumber, pyOptionalNumber, pyString } from './pyLiteral';
import { SWEEP_BODY } from './pythonSweepBody';

/** The parameters a sweep varies (params/runParams.ts). */
const SWEPT = ['d', 'n', 'L', 'lambda', 'iters', 'noise'] as const;

export interface SweepPythonPoint {
  value: number;
  /** The data the app trained this point on (datasetFromParams with the swept value). */
  data: PythonExport['data'];
  options: RfmOptions;
  /** The app's summary of the point; null for a point the sweep did not reach. */
  app: SweepPoint | null;
}

export interface SweepPythonExport {
  param: string;
  points: SweepPythonPoint[];
  description: string;
  command: string;
}

/** Options that must agree between points (a point may differ only in L, lambda and iters). */
const SHARED: (keyof RfmOptions)[] = [
  'kernel',
  'exponent',
  'convention',
  'diagonal',
  'centering',
  'earlyStopping',
  'seed',
  'validationFraction',
];

function dataEntry(data: PythonExport['data'], options: RfmOptions): string {
  const { d, c, fit, validation, agopRows } = exportRows(data, options);
  const fields = [
    `n_fit=${pyInt(fit.n)}, n_validation=${pyInt(validation.n)}, n_test=${pyInt(data.nTest)}, d=${d}, c=${c},`,
    `agop_rows=${agopRows ? pyList(agopRows, (i) => pyInt(i)) : 'None'},`,
    `x_fit=${base64Float32(fit.x)},`,
    `y_fit=${base64Float32(fit.y)},`,
    `x_validation=${base64Float32(validation.x)},`,
    `y_validation=${base64Float32(validation.y)},`,
    `x_test=${base64Float32(data.xTest)},`,
    `y_test=${base64Float32(data.yTest)},`,
  ];
  return `    dict(\n${fields.map((f) => `        ${f}`).join('\n')}\n    ),`;
}

export function sweepPythonScript({ param, points, description, command }: SweepPythonExport): string {
  const first = points[0];
  if (!first) throw new ExportError('the sweep has no points');
  const swept = pyChoice(param, SWEPT, 'the swept parameter');
  const data: string[] = [];
  const pointLines = points.map(({ value, data: pointData, options, app }, k) => {
    for (const key of SHARED)
      if (options[key] !== first.options[key])
        throw new ExportError(`point ${k + 1} differs from the first in ${key}, which a sweep does not vary`);
    if (pointData.accuracy !== first.data.accuracy)
      throw new ExportError(`point ${k + 1} has another accuracy rule than the first`);
    // One entry per distinct data set: the points of a sweep of L, lambda or iters share the first's.
    const entry = dataEntry(pointData, options);
    let index = data.indexOf(entry);
    if (index < 0) index = data.push(entry) - 1;
    const number = (v: unknown) => pyOptionalNumber(v, 'an app test MSE');
    return [
      `    dict(value=${pyNumber(value, 'a swept value')}, bandwidth=${pyNumber(options.bandwidth, 'L')},`,
      `         ridge=${pyNumber(options.ridge, 'lambda')}, iterations=${pyInt(options.iterations, 'iters')}, data=${index},`,
      `         app_baseline=${number(app?.baselineTestMse ?? null)}, app_final=${number(app?.finalTestMse ?? null)},`,
      `         app_best=${number(app?.bestTestMse ?? null)}, app_best_iteration=${app ? pyInt(app.bestIteration, 'the best iteration') : 'None'}),`,
    ].join('\n');
  });
  const values = [
    `DESCRIPTION = ${pyString(description)}`,
    `COMMAND = ${pyString(command)}`,
    `SWEPT = ${swept}  # the parameter each point sets: d | n | L | lambda | iters | noise`,
    '# The settings of every point; a point sets its own BANDWIDTH, RIDGE and ITERATIONS (POINTS below).',
    ...rfmSettings(first.options, first.data.accuracy),
    '# The data sets the points train on (one for a sweep of L, lambda or iters), float32 as in the app.',
    `DATA = [\n${data.join('\n')}\n]`,
    "# One run per point, with the app's baseline, final and best test MSE and best iteration (None: not run).",
    `POINTS = [\n${pointLines.join('\n')}\n]`,
  ];
  return `${SWEEP_HEADER}${values.join('\n')}\n${RFM_FUNCTIONS}${SWEEP_BODY}`;
}

const SWEEP_HEADER = `#!/usr/bin/env python3
"""
A sweep of Recursive Feature Machines, exported from RFM Explorer (DESCRIPTION and COMMAND below say which).

Run:  python3 rfm_sweep.py          (needs numpy only; float64 throughout)
One full RFM run per swept value, on the data the app trained that point on (inline below: the rows each
model is fitted on, the validation rows the app held out with the same seed, and the test rows). For each
point it prints the baseline (iteration 0, M = I), final and best test MSE beside the app's (float32 in the
browser): they agree to about 1e-3 relative or better. The best iteration is the one with the lowest
validation MSE when rows are held out, else the one with the lowest test MSE, as in the app.
"""
import base64

import numpy as np

`;
