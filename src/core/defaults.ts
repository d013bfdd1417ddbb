/** The engine's default options (the original RFM code's settings). Imports no tfjs, so plain Node tools can use it. */
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
  seed: 0,
  validationFraction: 0,
  earlyStopping: false,
};
