/** The engine options a parameter set asks for: the one mapping from params to RfmOptions (app, worker, CLI). */
import type { RfmOptions } from '../core';
import type { Params } from '../params/schema';

export function optionsFromParams(p: Params): RfmOptions {
  return {
    kernel: p.kernel,
    bandwidth: p.L,
    exponent: p.q,
    ridge: p.lambda,
    iterations: p.iters,
    convention: p.norm,
    diagonal: p.diag,
    centering: p.center,
    agopSampleSize: p.sample,
    spectrumSize: p.spectrum,
    seed: p.seed,
  };
}
