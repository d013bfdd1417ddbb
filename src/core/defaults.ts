/**
 * The engine's default options (the original RFM code's settings). They are the parameter schema's defaults
 * (src/params/schema.ts, the source of truth for the app, its URL, the worker and the CLI) as
 * experiments/options.ts maps them: core may not import the schema, so experiments/options.test.ts fails
 * when the two disagree. Imports no tfjs, so plain Node tools can use it.
 */
import type { RfmOptions } from './types';

export const DEFAULT_RFM_OPTIONS: RfmOptions = {
  kernel: 'laplace',
  bandwidth: 10,
  exponent: 1,
  ridge: 1e-3,
  iterations: 5,
  convention: 'mean',
  diagonal: false,
  centering: false,
  agopSampleSize: 0,
  spectrumSize: 64,
  seed: 1,
  validationFraction: 0,
  earlyStopping: false,
};
