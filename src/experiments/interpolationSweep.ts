/**
 * Kernel interpolation is inconsistent in fixed dimension (docs/interpolation.md): y = f(x) + noise in low
 * dimension, fitted by the plain kernel machine (M = I) with ridge 0 (it passes through every noisy point)
 * and with a ridge chosen on a validation split, for growing n. The interpolant's test error against the
 * clean f stays at a fixed share of the noise variance; the validated ridge's falls towards 0.
 *
 * One point per (kernel, n, ridge rule). Test targets are the clean f (data/sources/synthetic.ts), so a test
 * MSE is the excess risk over the noise: with noisy test labels every figure would be sigma^2 higher.
 */
import { trainRfm, type Dataset, type IterationRecord, type KernelName, type RfmOptions } from '../core';
import { makeRegressionDataset } from '../data/sources/synthetic';
import type { Params } from '../params/schema';
import { optionsFromParams } from './options';

/** The ridges the validation split chooses from. */
export const RIDGE_GRID = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10] as const;
/** Share of the training points held out to choose the ridge (the chosen ridge is then refitted on all). */
const VALIDATION_SHARE = 0.2;

/** One curve of the sweep: a kernel with its bandwidth on a target in d dimensions, over training sizes. */
export interface InterpolationSeries {
  kernel: KernelName;
  bandwidth: number;
  d: number;
  expression: string;
  /** Training sizes, ascending. */
  ns: readonly number[];
}

/** A series' name in figures and captions: 'laplace d=1'. */
export const seriesName = (s: Pick<InterpolationSeries, 'kernel' | 'd'>) => `${s.kernel} d=${s.d}`;

export interface InterpolationPoint extends Omit<InterpolationSeries, 'ns'> {
  n: number;
  /** 'ridgeless': ridge 0; 'validated': the ridge of RIDGE_GRID with the lowest validation MSE. */
  rule: 'ridgeless' | 'validated';
  ridge: number;
  /** MSE against the clean f on the test points. */
  testMse: number;
  trainMse: number;
  /** Diagonal jitter the solve needed (0 for a well-posed system): an effective ridge the rule did not ask for. */
  jitter: number;
  /** The validation MSE of each ridge tried (validated rule only). */
  validationMse: number[] | null;
}

/** A series' data at size n, with the parameters' noise, test size, input distribution and seed. */
export function interpolationData(
  params: Params,
  series: Pick<InterpolationSeries, 'expression' | 'd'>,
  n: number,
): Dataset {
  return makeRegressionDataset({
    expression: series.expression,
    d: series.d,
    nTrain: n,
    nTest: params.ntest,
    distribution: params.dist,
    noise: params.noise,
    seed: params.seed,
  });
}

async function kernelMachine(data: Dataset, options: RfmOptions): Promise<IterationRecord> {
  let record: IterationRecord | null = null;
  for await (const r of trainRfm(data, { ...options, iterations: 0, spectrumSize: 1 })) record = r;
  if (!record) throw new Error('the kernel machine produced no record');
  return record;
}

const point = (
  base: Omit<InterpolationPoint, 'testMse' | 'trainMse' | 'jitter'>,
  record: IterationRecord,
): InterpolationPoint => ({
  ...base,
  testMse: record.testMse ?? NaN,
  trainMse: record.trainMse,
  jitter: record.jitter,
});

/** Every point of the sweep, in order (kernel, then n, then ridgeless before validated). */
export async function* runInterpolationSweep(
  params: Params,
  spec: readonly InterpolationSeries[],
): AsyncGenerator<InterpolationPoint, void, undefined> {
  for (const { ns, ...series } of spec) {
    for (const n of ns) {
      const data = interpolationData(params, series, n);
      const { kernel, bandwidth } = series;
      const options: RfmOptions = { ...optionsFromParams(params), kernel, bandwidth, validationFraction: 0 };
      const base = { ...series, n };
      yield point(
        { ...base, rule: 'ridgeless', ridge: 0, validationMse: null },
        await kernelMachine(data, { ...options, ridge: 0 }),
      );
      const validationMse: number[] = [];
      for (const ridge of RIDGE_GRID) {
        const held = await kernelMachine(data, { ...options, ridge, validationFraction: VALIDATION_SHARE });
        validationMse.push(held.validationMse ?? Infinity);
      }
      const ridge = RIDGE_GRID[validationMse.indexOf(Math.min(...validationMse))]!;
      yield point(
        { ...base, rule: 'validated', ridge, validationMse },
        await kernelMachine(data, { ...options, ridge }),
      );
    }
  }
}

export interface InterpolationGap {
  series: string;
  n: number;
  ridgelessTestMse: number;
  validatedTestMse: number;
  validatedRidge: number;
  /** ridgeless / noise variance and validated / noise variance. */
  ridgelessShare: number;
  validatedShare: number;
  /** The jitter the ridge-0 solve needed: when > 0, "ridge 0" was in effect a ridge of this size. */
  ridgelessJitter: number;
}

/** The ridgeless and validated test MSE of each kernel at the largest n, relative to the noise variance. */
export function gapsAtLargestN(points: readonly InterpolationPoint[], noise: number): InterpolationGap[] {
  const variance = noise * noise;
  const names = [...new Set(points.map(seriesName))];
  return names.flatMap((series) => {
    const own = points.filter((p) => seriesName(p) === series);
    const n = Math.max(...own.map((p) => p.n));
    const ridgeless = own.find((p) => p.n === n && p.rule === 'ridgeless');
    const validated = own.find((p) => p.n === n && p.rule === 'validated');
    if (!ridgeless || !validated) return [];
    return [
      {
        series,
        n,
        ridgelessTestMse: ridgeless.testMse,
        validatedTestMse: validated.testMse,
        validatedRidge: validated.ridge,
        ridgelessShare: ridgeless.testMse / variance,
        validatedShare: validated.testMse / variance,
        ridgelessJitter: ridgeless.jitter,
      },
    ];
  });
}

const fmt = (v: number) => v.toPrecision(2);

/** What the sweep showed, in words from its own numbers (the CLI's caption, docs/interpolation.md). */
export function interpolationCaption(gaps: readonly InterpolationGap[], noise: number): string {
  const parts = gaps.map(
    (g) =>
      `${g.series}: ridge 0 ${fmt(g.ridgelessTestMse)} (${fmt(g.ridgelessShare)} sigma^2${g.ridgelessJitter > 0 ? `; the solve needed jitter ${g.ridgelessJitter.toExponential(0)}, so this is no true interpolant` : ''}) against ${fmt(g.validatedTestMse)} (${fmt(g.validatedShare)} sigma^2) with the validated ridge ${g.validatedRidge}, a gap of ${fmt(g.ridgelessTestMse - g.validatedTestMse)}`,
  );
  return `Test MSE against the clean f at the largest n (n = ${gaps.map((g) => g.n).join(', ')}), noise sigma = ${noise}: ${parts.join('; ')}.`;
}
