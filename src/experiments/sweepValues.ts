/**
 * The values a sweep runs, from the parameter schema alone: kept apart from sweep.ts so the main thread
 * can list them without importing the engine (and tfjs) into the page's bundle.
 */
import { PARAMS, type NumberSpec, type Params } from '../params/schema';

/**
 * `steps` values from `from` to `to`, evenly spaced (geometrically for log-scale parameters), rounded for
 * integers, kept inside the parameter's range (so a sweep never asks for n = 5 or d = 0), without repeats.
 */
export function sweepValues(
  param: Exclude<Params['sweep'], 'none'>,
  from: number,
  to: number,
  steps: number,
): number[] {
  const spec = PARAMS[param] as NumberSpec;
  const geometric = spec.scale === 'log' && from > 0 && to > 0;
  const count = Math.max(1, Math.round(steps));
  const values = Array.from({ length: count }, (_, i) => {
    const t = count === 1 ? 0 : i / (count - 1);
    const v = geometric ? from * (to / from) ** t : from + (to - from) * t;
    return clampToSpec(spec, spec.integer ? Math.round(v) : Number(v.toPrecision(4)));
  });
  return [...new Set(values)];
}

function clampToSpec(spec: NumberSpec, value: number): number {
  if (value === 0 && spec.allowZero) return 0;
  return Math.min(spec.max, Math.max(spec.min, value));
}
