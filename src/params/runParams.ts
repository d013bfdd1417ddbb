/**
 * How a run is carried out: a sweep of one parameter (sweep, from, to, steps) and the tfjs backend.
 * Spread into PARAMS (./schema.ts) in this order; same spec kinds, same parser (./specs.ts).
 */
import { choice, num } from './specs';

export const RUN_PARAMS = {
  sweep: choice({
    key: 'sweep',
    label: 'sweep',
    help: 'A hyperparameter to sweep: one full run per value.',
    defaultValue: 'none',
    options: ['none', 'd', 'n', 'L', 'lambda', 'iters', 'noise'] as const,
  }),
  from: num({
    key: 'from',
    label: 'from',
    help: 'First value of the sweep.',
    defaultValue: 5,
    min: 0,
    max: 1e6,
    scale: 'linear',
    integer: false,
    allowZero: true,
  }),
  to: num({
    key: 'to',
    label: 'to',
    help: 'Last value of the sweep.',
    defaultValue: 100,
    min: 0,
    max: 1e6,
    scale: 'linear',
    integer: false,
    allowZero: true,
  }),
  steps: num({
    key: 'steps',
    label: 'points',
    help: 'Number of values in the sweep.',
    defaultValue: 6,
    min: 2,
    max: 30,
    scale: 'linear',
    integer: true,
  }),
  backend: choice({
    key: 'backend',
    label: 'backend',
    help: 'auto picks WebGPU on real GPU hardware, else threaded wasm.',
    defaultValue: 'auto',
    options: ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'] as const,
  }),
} as const;
