/**
 * Modular addition for the grokking setting (SPEC-rfm.md, "Modular arithmetic"): every pair (a, b) of
 * residues mod p, input one-hot(a) ++ one-hot(b) (d = 2p), target one-hot((a + b) mod p) (c = p). A seeded
 * shuffle splits the p^2 pairs into train and test. Kept small on purpose; it may later move to src/data.
 */
import { createRandom, permutation } from '../core/random';
import type { Dataset } from '../core/types';

export interface ModularAdditionOptions {
  /** The modulus, e.g. 61. */
  p: number;
  /** Fraction of the p^2 pairs used for training, in (0, 1). */
  trainFraction: number;
  seed: number;
}

/** Writes the pair (a, b) as one-hot inputs and the one-hot target into row `row` of x [., 2p] and y [., p]. */
function writePair(x: Float32Array, y: Float32Array, row: number, a: number, b: number, p: number): void {
  x[row * 2 * p + a] = 1;
  x[row * 2 * p + p + b] = 1;
  y[row * p + ((a + b) % p)] = 1;
}

export function makeModularAdditionDataset({ p, trainFraction, seed }: ModularAdditionOptions): Dataset {
  if (!Number.isInteger(p) || p < 2) throw new Error(`invalid modulus: ${p} (must be an integer >= 2)`);
  if (!(trainFraction > 0 && trainFraction < 1)) throw new Error(`invalid train fraction: ${trainFraction}`);
  const pairs = p * p;
  const nTrain = Math.floor(pairs * trainFraction);
  const nTest = pairs - nTrain;
  const d = 2 * p;
  const order = permutation(pairs, createRandom(seed));
  const xTrain = new Float32Array(nTrain * d);
  const yTrain = new Float32Array(nTrain * p);
  const xTest = new Float32Array(nTest * d);
  const yTest = new Float32Array(nTest * p);
  order.forEach((pair, index) => {
    const a = Math.floor(pair / p);
    const b = pair % p;
    if (index < nTrain) writePair(xTrain, yTrain, index, a, b, p);
    else writePair(xTest, yTest, index - nTrain, a, b, p);
  });
  const featureNames = [
    ...Array.from({ length: p }, (_, k) => `a=${k}`),
    ...Array.from({ length: p }, (_, k) => `b=${k}`),
  ];
  return { xTrain, yTrain, xTest, yTest, nTrain, nTest, d, c: p, accuracy: 'argmax', featureNames };
}
