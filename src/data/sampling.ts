/**
 * Shared by the seeded generators (./sources/synthetic.ts, ./sources/lowRank.ts): independent random
 * streams per purpose, input sampling and the checks of their integer options.
 */
import { createRandom, type Random } from '../core/random';
import { DataError } from './errors';

export type Stream = 'trainInputs' | 'testInputs' | 'noise';
const STREAM_INDEX: Record<Stream, number> = { trainInputs: 1, testInputs: 2, noise: 3 };

/** An independent generator per purpose, derived from the user's seed. */
export function streamRandom(seed: number, stream: Stream): Random {
  return createRandom((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(STREAM_INDEX[stream], 0x85ebca6b)) >>> 0);
}

export function describeNumber(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

export function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new DataError(`${name} must be an integer >= ${min}, not ${describeNumber(value)}.`);
}

export function requireSeed(seed: number): void {
  if (!Number.isInteger(seed)) throw new DataError(`The seed must be an integer, not ${describeNumber(seed)}.`);
}

/** [n, d] inputs, each coordinate drawn by `draw`. */
export function sampleInputs(n: number, d: number, draw: () => number): Float32Array {
  const x = new Float32Array(n * d);
  for (let i = 0; i < x.length; i++) x[i] = draw();
  return x;
}

/** x1 .. xd. */
export function featureNames(d: number): string[] {
  return Array.from({ length: d }, (_, k) => `x${k + 1}`);
}
