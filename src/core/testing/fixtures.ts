/**
 * Loads the golden fixtures of src/core/fixtures (written by scripts/make_fixtures.py from an independent
 * float64 reference) and measures how far engine results are from them.
 *
 * Inputs in a fixture are float32 values and are read through Float32Array, so the engine sees exactly the
 * numbers the reference used; reference outputs are float64.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_RFM_OPTIONS } from '../defaults';
import type { AccuracyRule, Dataset, RfmOptions } from '../types';

export interface FixtureIteration {
  iteration: number;
  /** [d][d] */
  M: number[][];
  /** [nTrain][c] */
  alpha: number[][];
  trainMse: number;
  testMse: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** Top eigenvalues of K_{M_t}(X, X), descending. */
  kernelEigenvalues: number[];
  /** lambda_max / (lambda_min + ridge) of K_{M_t}(X, X). */
  kernelCondition: number;
}

export interface RfmFixture {
  name: string;
  description: string;
  options: RfmOptions;
  data: {
    nTrain: number;
    nTest: number;
    d: number;
    c: number;
    accuracy: AccuracyRule;
    xTrain: number[][];
    yTrain: number[][];
    xTest: number[][];
    yTest: number[][];
  };
  iterations: FixtureIteration[];
}

export interface SolveFixture {
  name: 'solve';
  n: number;
  c: number;
  /** [n][n] float32 values */
  K: number[][];
  /** [n][c] float32 values */
  Y: number[][];
  systems: { ridge: number; alpha: number[][]; condition: number }[];
  /** Top eigenvalues of K, descending. */
  kernelEigenvalues: number[];
}

export const RFM_FIXTURE_NAMES = [
  'lowrank',
  'seed',
  'gaussian-interp',
  'gaussian-classes',
  'diag',
  'laplace-q',
] as const;
export type RfmFixtureName = (typeof RFM_FIXTURE_NAMES)[number];

/** One- and two-dimensional inputs with close pairs (scripts/make_lowdim_fixtures.py). */
export const LOWDIM_FIXTURE_NAMES = [1, 2].flatMap((d) =>
  ['laplace', 'gaussian'].flatMap((kernel) => ['0.01', '0.1', '1'].map((L) => `lowdim-d${d}-${kernel}-L${L}`)),
);

function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
}

/** Options the fixtures predate (the validation split) take the engine defaults. */
export function loadRfmFixture(name: RfmFixtureName | string): RfmFixture {
  const fixture = readFixture(name) as RfmFixture;
  return { ...fixture, options: { ...DEFAULT_RFM_OPTIONS, ...fixture.options } };
}

/** The seed fixture's data shifted by each offset, with the float64 reference's results for each. */
export interface ShiftedFixture {
  options: RfmOptions;
  data: RfmFixture['data'];
  runs: { offset: number; testMse: number[]; M: number[][][] }[];
}

export function loadShiftedFixture(): ShiftedFixture {
  const fixture = readFixture('shifted') as ShiftedFixture;
  return { ...fixture, options: { ...DEFAULT_RFM_OPTIONS, ...fixture.options } };
}

/** A regression target in the hundreds with the float64 reference's M_t and test MSE (scripts/make_fixtures.py). */
export interface UnitsFixture {
  options: RfmOptions;
  data: RfmFixture['data'];
  testMse: number[];
  M: number[][][];
  /** The reference's test MSE when the target is trained as it is (not divided by its RMS). */
  unscaledTestMse: number[];
}

export function loadUnitsFixture(): UnitsFixture {
  const fixture = readFixture('units') as UnitsFixture;
  return { ...fixture, options: { ...DEFAULT_RFM_OPTIONS, ...fixture.options } };
}

/** One AGOP step from fixed float32 M and alpha: the reference G over all rows or a subset, plain or centred. */
export interface AgopFixture {
  name: string;
  kernel: 'laplace' | 'gaussian';
  bandwidth: number;
  n: number;
  d: number;
  c: number;
  x: number[][];
  M: number[][];
  alpha: number[][];
  cases: { rows: number[] | null; centering: boolean; G: number[][] }[];
}

export function loadAgopFixture(name: 'agop-onehot' | 'agop-dense'): AgopFixture {
  return readFixture(name) as AgopFixture;
}

export function loadSolveFixture(): SolveFixture {
  return readFixture('solve') as SolveFixture;
}

export function flat32(rows: number[][]): Float32Array {
  return Float32Array.from(rows.flat());
}

export function flat64(rows: number[][]): Float64Array {
  return Float64Array.from(rows.flat());
}

export function fixtureDataset(f: RfmFixture): Dataset {
  const { data } = f;
  return {
    xTrain: flat32(data.xTrain),
    yTrain: flat32(data.yTrain),
    xTest: flat32(data.xTest),
    yTest: flat32(data.yTest),
    nTrain: data.nTrain,
    nTest: data.nTest,
    d: data.d,
    c: data.c,
    accuracy: data.accuracy,
  };
}

/** ||a - b||_F / ||b||_F (b is the reference). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < b.length; i++) {
    diff += ((a[i] as number) - (b[i] as number)) ** 2;
    norm += (b[i] as number) ** 2;
  }
  return Math.sqrt(diff) / Math.sqrt(norm);
}

/** max_i |a_i - b_i| / |b_i| (b is the reference). */
export function maxElementwiseRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)) / Math.abs(b[i] as number));
  }
  return worst;
}
