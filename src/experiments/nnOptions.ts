/** The network options a parameter set asks for: the one mapping from params to NnOptions (worker, CLI). */
import type { NnOptions } from '../core/nn/networkTypes';
import type { Params } from '../params/schema';

export function nnOptionsFromParams(p: Params): NnOptions {
  return {
    hidden: Array.from({ length: p.nndepth }, () => p.nnwidth),
    activation: p.nnact,
    learningRate: p.nnlr,
    weightDecay: p.nnwd,
    batchSize: p.nnbatch,
    epochs: p.nnepochs,
    initScale: p.nninit,
    seed: p.seed,
  };
}
