/**
 * The `interpolation` preset (docs/interpolation.md): y = sin(3 x1) + noise on [-1, 1], fitted by the plain
 * Laplace kernel machine with ridge 0, so the learned curve passes through every noisy training point. In
 * the app it is one run (the predictor panel shows the curve's spikes at the training points); `rfm preset
 * interpolation` runs the sweep over n with ridge 0 against a ridge chosen on a validation split
 * (experiments/interpolationSweep.ts), and its caption is written from that run's numbers.
 */
import type { Params } from './schema';

export const INTERPOLATION_PRESET = {
  name: 'interpolation' as const,
  title: 'Interpolation in low dimension',
  caption:
    'y = sin(3x₁) + noise (σ = 0.5) in one dimension, fitted by the Laplace kernel with ridge 0: the learned curve passes through every noisy training point, so it spikes at each one instead of following the true f (dashed).',
  params: {
    data: 'synthetic',
    expr: 'sin(3*x1)',
    d: 1,
    n: 200,
    ntest: 500,
    dist: 'uniform',
    noise: 0.5,
    kernel: 'laplace',
    L: 1,
    lambda: 0,
    iters: 0,
    spectrum: 8,
  } satisfies Partial<Params>,
};

/**
 * The sweep the CLI runs for this preset: training sizes and the curves (kernel, bandwidth, target, d). The
 * d = 1 target is the app's; d = 2 adds a second coordinate.
 */
export const INTERPOLATION_SWEEP = {
  ns: [50, 100, 200, 400, 800, 1600, 3200],
  series: [
    { kernel: 'laplace', bandwidth: 1, d: 1, expression: 'sin(3*x1)' },
    { kernel: 'gaussian', bandwidth: 0.2, d: 1, expression: 'sin(3*x1)' },
    { kernel: 'laplace', bandwidth: 1, d: 2, expression: 'sin(3*x1) + cos(2*x2)' },
  ],
} as const;
