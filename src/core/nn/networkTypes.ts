/**
 * The neural network beside the RFM (docs/nfa.md): what a fully connected network run takes and what each
 * recorded epoch reports. Plain typed arrays only, so records cross the worker boundary and go into JSON.
 */

export type NnActivation = 'relu' | 'quadratic' | 'tanh';
export const NN_ACTIVATIONS: readonly NnActivation[] = ['relu', 'quadratic', 'tanh'];

export interface NnOptions {
  /** Width of each hidden layer; one or two entries (depth 1 or 2). */
  hidden: number[];
  activation: NnActivation;
  learningRate: number;
  /** Decoupled weight decay (AdamW), applied to the weight matrices, not the biases. 0 is plain Adam. */
  weightDecay: number;
  batchSize: number;
  epochs: number;
  /** Multiplies the default initialisation N(0, 1 / fan_in) of every weight matrix. */
  initScale: number;
  /** Seeds the initialisation and the shuffling. */
  seed: number;
  /** Record every this many epochs (and the last); default recordInterval(epochs), at most ~100 records. */
  recordEvery?: number;
}

export interface NnEpochRecord {
  /** Epochs completed; 0 is the network at initialisation. */
  epoch: number;
  /** Optimiser steps taken so far. */
  steps: number;
  /** MSE over the training set with the weights at the end of the epoch (the optimised loss, without decay). */
  trainLoss: number;
  testMse: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  d: number;
  /** W1^T W1 of the first layer, [d, d] row-major. */
  WtW: Float64Array;
  /** (W1 - W1_0)^T (W1 - W1_0), [d, d]: what training added, as the grokking paper's code measures it. */
  centredWtW: Float64Array;
  /** The symmetric square root of the network's AGOP, sum_i J(x_i)^T J(x_i) / n over its c outputs, [d, d]. */
  sqrtAgop: Float64Array;
  /** Pearson correlation of the entries of W1^T W1 and sqrt(AGOP): the neural feature ansatz. */
  nfaCorr: number;
  /** The same for the centred (W1 - W1_0)^T (W1 - W1_0) (NaN at epoch 0, where it is zero). */
  nfaCorrCentred: number;
  /** The same over the off-diagonal entries only (the diagonal alone inflates the raw figure). */
  nfaCorrOffdiag: number;
  /**
   * Control: W1_0^T W1_0 (the weights at initialisation) against THIS epoch's sqrt(AGOP); at the last record,
   * "W_0 against the final AGOP". It is not the network at initialisation: that is epoch 0's nfaCorr (the
   * same network against its own AGOP), which is much higher (docs/nfa.md).
   */
  nfaCorrW0: number;
  /** The same control off the diagonal: W1_0^T W1_0 against this epoch's sqrt(AGOP), i != j only. */
  nfaCorrOffdiagW0: number;
  /** Correlation of W1^T W1 with the RFM's final M on the same data (null when there is none). */
  nfaCorrWithRfmM: number | null;
  /** Wall time since training started, in ms. */
  elapsedMs: number;
  /** Live tensors at the end of the record: flat from one record to the next (no leaks). */
  tensors: number;
}

export interface NnProgress {
  epoch: number;
  /** Fraction of the epoch done, 0..1. */
  fraction: number;
}
