/**
 * `rfm preset interpolation` (docs/interpolation.md): the sweep over n of the plain kernel machine with
 * ridge 0 against a ridge chosen on a validation split, for the Laplace and Gaussian kernels, written as
 * one figure per point (n, ridge, test MSE) with the gap at the largest n and a caption from those numbers.
 * The sweep's sizes are INTERPOLATION_SWEEP's; `--set n=N` caps them at N (the CI runs it small that way).
 */
import {
  gapsAtLargestN,
  interpolationCaption,
  runInterpolationSweep,
  type InterpolationGap,
  type InterpolationPoint,
  type InterpolationSeries,
  seriesName,
} from '../experiments/interpolationSweep';
import { INTERPOLATION_PRESET, INTERPOLATION_SWEEP } from '../params/interpolationPresets';
import type { Params } from '../params/schema';

export interface InterpolationJson {
  sweep: {
    series: InterpolationSeries[];
    noise: number;
    noise_variance: number;
    points: {
      series: string;
      kernel: string;
      bandwidth: number;
      d: number;
      n: number;
      rule: InterpolationPoint['rule'];
      ridge: number;
      test_mse: number;
      train_mse: number;
      jitter: number;
      validation_mse: number[] | null;
    }[];
  };
  gaps: InterpolationGap[];
  caption: string;
}

/** The series of the sweep, each with its sizes up to params.n when --set n= changed it from the preset's. */
export function sweepSeries(params: Params): InterpolationSeries[] {
  const cap = params.n === INTERPOLATION_PRESET.params.n ? Infinity : params.n;
  return INTERPOLATION_SWEEP.map((s) => {
    const kept = s.ns.filter((n) => n <= cap);
    return { ...s, ns: kept.length > 0 ? kept : [params.n] };
  });
}

export async function runInterpolationPreset(params: Params, log: (line: string) => void): Promise<InterpolationJson> {
  const series = sweepSeries(params);
  const points: InterpolationPoint[] = [];
  for await (const point of runInterpolationSweep(params, series)) {
    points.push(point);
    log(
      `${seriesName(point)} n = ${point.n} ${point.rule} (ridge ${point.ridge}): test MSE ${point.testMse.toExponential(3)}${point.jitter > 0 ? `, jitter ${point.jitter.toExponential(1)}` : ''}`,
    );
  }
  const gaps = gapsAtLargestN(points, params.noise);
  const caption = interpolationCaption(gaps, params.noise);
  log(caption);
  return {
    sweep: {
      series,
      noise: params.noise,
      noise_variance: params.noise * params.noise,
      points: points.map((p) => ({
        series: seriesName(p),
        kernel: p.kernel,
        bandwidth: p.bandwidth,
        d: p.d,
        n: p.n,
        rule: p.rule,
        ridge: p.ridge,
        test_mse: p.testMse,
        train_mse: p.trainMse,
        jitter: p.jitter,
        validation_mse: p.validationMse,
      })),
    },
    gaps,
    caption,
  };
}
