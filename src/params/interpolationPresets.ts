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
    // Figures from `rfm preset interpolation` (wasm, seed 1; docs/interpolation.md), test MSE against the clean f.
    'y = sin(3x₁) + noise (σ = 0.5) in one dimension, fitted by the Laplace kernel with ridge 0: the learned curve passes through every noisy training point, so it spikes at each one instead of following the true f (dashed). The CLI’s sweep over n (rfm preset interpolation) measured, at its largest n, test MSE 0.15 (0.59 σ²) with ridge 0 against 0.0066 with the ridge chosen on a validation split (d = 1, n = 400), and 0.12 (0.46 σ²) against 0.0069 in d = 2 at n = 3200: more data does not rescue the interpolant.',
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
 * The sweep the CLI runs for this preset: the curves (kernel, bandwidth, target, d) and their training
 * sizes. In d = 1 the float32 kernel matrix follows float64 only while its condition number stays near
 * 1e7 (n <= 400 here: 2.2e8 at n = 800 moved the ridge-0 test MSE by 6%, and at n = 3200 two training
 * inputs coincide in float32, so no interpolant exists; docs/interpolation.md), so d = 1 stops at 400;
 * d = 2 matches float64 to 3 digits up to n = 3200.
 */
export const INTERPOLATION_SWEEP = [
  { kernel: 'laplace', bandwidth: 1, d: 1, expression: 'sin(3*x1)', ns: [50, 100, 200, 400] },
  { kernel: 'gaussian', bandwidth: 0.2, d: 1, expression: 'sin(3*x1)', ns: [50, 100, 200, 400] },
  {
    kernel: 'laplace',
    bandwidth: 1,
    d: 2,
    expression: 'sin(3*x1) + cos(2*x2)',
    ns: [50, 100, 200, 400, 800, 1600, 3200],
  },
] as const;
