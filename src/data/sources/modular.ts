/**
 * Modular arithmetic, the grokking task of Mallinar et al. 2024 (docs/algorithm.md, "Presets"):
 * every pair (a, b) of residues mod a prime p, input one-hot(a) ++ one-hot(b) (d = 2p), target
 * one-hot((a op b) mod p) (c = p), split at random into train and test by a training fraction.
 *
 * Also the number theory the views need: a primitive root g of p and the discrete-log order of the
 * residues (0, g^0, g^1, ..., g^{p-2}), under which multiplication becomes addition of exponents, so the
 * feature matrix of * and / shows the same circulant structure as + and -.
 */
import { createRandom, permutation } from '../../core/random';
import type { Dataset } from '../../core/types';
import { DataError } from '../errors';
import { type DataSource } from './source';

export type ModularOp = '+' | '-' | '*' | '/';
export const MODULAR_OPS: readonly ModularOp[] = ['+', '-', '*', '/'];

export interface ModularDatasetOptions {
  /** A prime modulus. */
  p: number;
  op: ModularOp;
  /** Share of all pairs used for training, in (0, 1); the rest is the test set. */
  trainFraction: number;
  seed: number;
}

/** The largest modulus accepted: d = 2p inputs and p² pairs (p = 199 gives ~40k pairs). */
export const MAX_MODULUS = 199;

export function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  for (let k = 2; k * k <= n; k++) if (n % k === 0) return false;
  return true;
}

/** b^e mod p for small p (every intermediate product stays below 2^53). */
export function powMod(b: number, e: number, p: number): number {
  let result = 1 % p;
  let base = ((b % p) + p) % p;
  for (let k = e; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = (result * base) % p;
    base = (base * base) % p;
  }
  return result;
}

/** The inverse of b mod a prime p (Fermat: b^{p-2}); b must not be 0 mod p. */
export function inverseMod(b: number, p: number): number {
  return powMod(b, p - 2, p);
}

function primeFactors(n: number): number[] {
  const factors: number[] = [];
  let rest = n;
  for (let k = 2; k * k <= rest; k++) {
    if (rest % k !== 0) continue;
    factors.push(k);
    while (rest % k === 0) rest /= k;
  }
  if (rest > 1) factors.push(rest);
  return factors;
}

function requirePrime(p: number): void {
  if (!isPrime(p)) {
    const nearby = nearbyPrimes(p);
    const hint = nearby.length > 0 ? ` (try ${nearby.join(' or ')})` : '';
    throw new DataError(`The modulus p must be a prime, not ${p}${hint}.`);
  }
}

/** The primes just below and just above n (those that exist within 50), for "try 59 or 61" hints. */
export function nearbyPrimes(n: number): number[] {
  if (!Number.isFinite(n)) return [];
  const below = Array.from({ length: 50 }, (_, k) => Math.floor(n) - k).find((m) => isPrime(m) && m !== n);
  const above = Array.from({ length: 50 }, (_, k) => Math.ceil(n) + k).find((m) => isPrime(m) && m !== n);
  return [...new Set([below, above].filter((m): m is number => m !== undefined))];
}

/**
 * The smallest primitive root of the prime p: the g whose powers g^0 .. g^{p-2} run through every
 * non-zero residue. g is one exactly when g^((p-1)/q) ≠ 1 for every prime factor q of p - 1.
 */
export function primitiveRoot(p: number): number {
  requirePrime(p);
  if (p === 2) return 1;
  const factors = primeFactors(p - 1);
  for (let g = 2; g < p; g++) {
    if (factors.every((q) => powMod(g, (p - 1) / q, p) !== 1)) return g;
  }
  throw new Error(`no primitive root of ${p}`); // unreachable: every prime has one
}

/**
 * The residues in discrete-log order: 0 first (it has no logarithm), then g^0 = 1, g^1, ..., g^{p-2} for
 * the primitive root g. Entry k is the residue shown at position k. In this order (a * b) mod p
 * becomes (log a + log b) mod (p - 1) on positions 1..p-1.
 */
export function discreteLogOrder(p: number): Int32Array {
  const g = primitiveRoot(p);
  const order = new Int32Array(p);
  order[0] = 0;
  let power = 1;
  for (let k = 1; k < p; k++) {
    order[k] = power;
    power = (power * g) % p;
  }
  return order;
}

/**
 * The orders of the residues a (rows) and b (columns) under which the a-b block of the M learned for
 * `op` is circulant (entry (i, j) depending only on (j - i) mod its size). In these orders the table of
 * (a op b) depends only on i + j, and a kernel sees pairs with equal answers as close exactly when the
 * coupling of a and b depends on j - i: for a + b = a' + b', the cross terms M[a, b'] and M[a', b] then
 * coincide. Measured on trained models, not only argued:
 *   +  natural order for both;
 *   -  b negated (columns 0, p-1, ..., 1), since a - b = a + (-b);
 *   *  both in discrete-log order, which turns a * b into log a + log b (mod p - 1);
 *   /  a in discrete-log order, b in the order of its inverse (a / b = a * b^{-1}).
 * For * and / residue 0 is left out: it has no logarithm, and its row and column follow no cycle.
 */
export function circulantResidueOrders(p: number, op: ModularOp): { rows: Int32Array; columns: Int32Array } {
  requirePrime(p);
  const natural = Int32Array.from({ length: p }, (_, k) => k);
  switch (op) {
    case '+':
      return { rows: natural, columns: natural };
    case '-':
      return { rows: natural, columns: Int32Array.from(natural, (k) => (p - k) % p) };
    case '*': {
      const logs = discreteLogOrder(p).slice(1);
      return { rows: logs, columns: logs };
    }
    case '/': {
      const logs = discreteLogOrder(p).slice(1);
      return { rows: logs, columns: Int32Array.from(logs, (r) => inverseMod(r, p)) };
    }
  }
}

/** (a op b) mod p; for '/', b must not be 0. */
export function applyModularOp(a: number, b: number, op: ModularOp, p: number): number {
  switch (op) {
    case '+':
      return (a + b) % p;
    case '-':
      return (((a - b) % p) + p) % p;
    case '*':
      return (a * b) % p;
    case '/':
      return (a * inverseMod(b, p)) % p;
  }
}

/** How many pairs (a, b) the operation is defined on: p², or p (p - 1) for division (b ≠ 0). */
export function modularPairCount(p: number, op: ModularOp): number {
  return op === '/' ? p * (p - 1) : p * p;
}

/** Every pair (a, b) the operation is defined on, in row-major order of (a, b). */
function allPairs(p: number, op: ModularOp): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < p; a++) for (let b = op === '/' ? 1 : 0; b < p; b++) pairs.push([a, b]);
  return pairs;
}

function encode(pairs: ReadonlyArray<readonly [number, number]>, p: number, op: ModularOp) {
  const d = 2 * p;
  const x = new Float32Array(pairs.length * d);
  const y = new Float32Array(pairs.length * p);
  pairs.forEach(([a, b], i) => {
    x[i * d + a] = 1;
    x[i * d + p + b] = 1;
    y[i * p + applyModularOp(a, b, op, p)] = 1;
  });
  return { x, y };
}

export function makeModularDataset({ p, op, trainFraction, seed }: ModularDatasetOptions): Dataset {
  if (!MODULAR_OPS.includes(op)) throw new DataError(`invalid operation: ${String(op)} (one of + - * /)`);
  if (!Number.isInteger(p) || p < 2 || p > MAX_MODULUS)
    throw new DataError(`The modulus p must be a whole number from 2 to ${MAX_MODULUS}, not ${p}.`);
  requirePrime(p);
  if (!(trainFraction > 0 && trainFraction < 1))
    throw new DataError(`The training fraction must be between 0 and 1, not ${trainFraction}.`);
  if (!Number.isInteger(seed)) throw new DataError(`The seed must be an integer, not ${seed}.`);

  const pairs = allPairs(p, op);
  const nTrain = Math.round(trainFraction * pairs.length);
  const nTest = pairs.length - nTrain;
  if (nTrain === 0 || nTest === 0)
    throw new DataError(
      `A training fraction of ${trainFraction} leaves ${nTrain === 0 ? 'no training pairs' : 'no test pairs'} ` +
        `out of ${pairs.length}: choose a fraction further from ${nTrain === 0 ? 0 : 1}.`,
    );

  // Rows keep the (a, b) order within each side, so the split is the only thing the seed changes.
  const shuffled = permutation(pairs.length, createRandom(seed));
  const byIndex = (indices: Int32Array) =>
    Array.from(indices)
      .sort((i, j) => i - j)
      .map((i) => pairs[i]!);
  const train = encode(byIndex(shuffled.subarray(0, nTrain)), p, op);
  const test = encode(byIndex(shuffled.subarray(nTrain)), p, op);
  const residues = Array.from({ length: p }, (_, r) => String(r));
  return {
    xTrain: train.x,
    yTrain: train.y,
    xTest: test.x,
    yTest: test.y,
    nTrain,
    nTest,
    d: 2 * p,
    c: p,
    accuracy: 'argmax',
    featureNames: [...residues.map((r) => `a${r}`), ...residues.map((r) => `b${r}`)],
    classLabels: residues,
    layout: { kind: 'modular', p, op },
  };
}

export const modular: DataSource = {
  build: async (params) =>
    makeModularDataset({ p: params.p, op: params.op, trainFraction: params.frac, seed: params.seed }),
};
