/** The engine options a parameter set asks for: the one mapping from params to RfmOptions (app, worker, CLI). */
import type { KernelName, RfmOptions, UpdateConvention } from '../core';
import { PARAMS, type Params } from '../params/schema';

/**
 * The schema spells the kernel and convention lists for the UI, the URL and the CLI; core spells them for the
 * engine (params imports nothing, so it cannot take them from core). These types fail to compile when the two
 * lists differ in either direction.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kernelsAgree: Same<(typeof PARAMS.kernel.options)[number], KernelName> = true;
const conventionsAgree: Same<(typeof PARAMS.norm.options)[number], UpdateConvention> = true;
void kernelsAgree;
void conventionsAgree;

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
    validationFraction: p.val,
    earlyStopping: p.stop && p.val > 0,
  };
}
