/**
 * Slider positions for a number parameter: the value itself on a linear scale, 0..STEPS on a log scale. With
 * allowZero, a log slider's position 0 means 0 and the range starts one step above it.
 */
import type { NumberSpec } from '../../params/schema';

export const STEPS = 200;

export function toSlider(spec: NumberSpec, value: number): number {
  if (spec.scale !== 'log') return value;
  if (value === 0 && spec.allowZero) return 0;
  const lo = Math.log(spec.min);
  const v = Math.log(Math.min(Math.max(value, spec.min), spec.max));
  const steps = spec.allowZero ? STEPS - 1 : STEPS;
  return Math.round(((v - lo) / (Math.log(spec.max) - lo)) * steps) + (spec.allowZero ? 1 : 0);
}

export function fromSlider(spec: NumberSpec, position: number): number {
  if (spec.scale !== 'log') return position;
  if (spec.allowZero && position <= 0) return 0;
  const lo = Math.log(spec.min);
  const steps = spec.allowZero ? STEPS - 1 : STEPS;
  const along = (spec.allowZero ? position - 1 : position) / steps;
  const raw = Math.exp(lo + along * (Math.log(spec.max) - lo));
  // Round to 2 significant digits so log sliders land on readable values, kept inside the range.
  const rounded = Math.min(spec.max, Math.max(spec.min, Number(raw.toPrecision(2))));
  return spec.integer ? Math.min(spec.max, Math.max(spec.min, Math.round(rounded))) : rounded;
}
