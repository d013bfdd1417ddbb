/**
 * The papers' experiments as presets: a preset is a named set of parameter values (over the defaults)
 * and a caption saying what to look for. Choosing one resets every other parameter to its default, so a
 * preset link always means the same experiment; the URL then records only what differs from the preset.
 */
import { NFA_PRESETS } from './nfaPresets';
import { DEEP_PRESETS } from './deepPresets';
import { LINRFM_PRESETS } from './linrfmPresets';
import { CONV_PRESETS } from './convPresets';
import { CATAPULT_PRESETS } from './catapultPresets';
import { INTERPOLATION_PRESET } from './interpolationPresets';
import { defaultParams, type Params, type PresetName } from './schema';

export interface Preset {
  name: PresetName;
  title: string;
  /** What to look for, in one or two sentences. */
  caption: string;
  params: Partial<Params>;
}

export const PRESETS: Record<PresetName, Preset> = {
  seed: {
    name: 'seed',
    title: 'Seed target',
    caption:
      'f(x) = 5x₁³ + 10x₂² + 2x₃ in 10 dimensions. Watch M concentrate on x1, x2, x3 while the test error falls far below the plain Laplace kernel (iteration 0).',
    params: {},
  },
  scaling: {
    name: 'scaling',
    title: 'Scaling test',
    caption:
      'The seed target as the dimension d grows: the plain Laplace kernel (iteration 0) degrades with d, RFM much less, because M finds the 3 relevant coordinates. Click a point to see its M.',
    params: { sweep: 'd', from: 5, to: 80, steps: 6, n: 1000, ntest: 300, iters: 4 },
  },
  grokking: {
    name: 'grokking',
    title: 'Grokking modular arithmetic',
    caption:
      'Modular addition, (a + b) mod p (p = 61 here), learned from half of all pairs. Train accuracy is 100% from the start; test accuracy stays near 0 for several iterations, then jumps to ~100% as the a-b block of M becomes circulant.',
    params: {
      data: 'modular',
      p: 61,
      op: '+',
      frac: 0.5,
      kernel: 'gaussian',
      L: 2.5,
      lambda: 0,
      center: true,
      norm: 'sqrt',
      iters: 30,
      spectrum: 32,
    },
  },
  text: {
    name: 'text',
    title: 'Next-character prediction',
    caption:
      'Predict the next character of Moby Dick from the previous 8. M, shown as position × character, reveals which positions and letters the model uses; compare with bigram and trigram models.',
    params: {
      data: 'text',
      corpus: 'moby',
      k: 8,
      n: 3000,
      ntest: 1000,
      kernel: 'laplace',
      L: 10,
      lambda: 1e-3,
      // A diagonal M keeps the accuracy gain (0.385 vs the bigram's 0.289) and runs ~5x faster than a full one.
      diag: true,
      iters: 2,
      task: 'classification',
      sample: 500,
    },
  },
  lowrank: {
    name: 'lowrank',
    title: 'Low-rank target (RFM notebook)',
    caption:
      'f(x) = x₁x₂·1{x₆ > 0}, d = 20, n = 4000. The authors’ notebook reports test MSE ≈ 0.0123, 0.0063, 0.0032, 0.0024, 0.0021, 0.0020 by iteration, with coordinates 1, 2 and 6 on top of M’s diagonal.',
    params: {
      data: 'lowrank',
      d: 20,
      n: 4000,
      ntest: 4000,
      kernel: 'laplace',
      L: 10,
      lambda: 1e-3,
      norm: 'mean',
      iters: 5,
    },
  },
  boston: {
    name: 'boston',
    title: 'Boston house prices',
    caption:
      'Median house value from 13 standardised features of 506 Boston tracts (Harrison & Rubinfeld, 1978). The diagonal of M ranks the features: rooms (RM) and lower-status share (LSTAT) on top for 9 of seeds 1-10 (seed 1 puts highway access, RAD, first). On this small table RFM does not beat the plain Laplace kernel (iteration 0) on the test rows. 20% of the training rows are held out to pick the best iteration (marked on the charts), whose model predicts; the run stops once the validation error is 10% worse than the best. With seed 1 that is iteration 3, at test MSE 11.9 against the plain kernel’s 10.2; over seeds 1-10 the validation split picks the plain kernel itself 9 times.',
    // Tried over seeds 1-10 (standardised features): L = 5, 10, 20, 50, lambda = 1e-3, 0.1, 1, norm = sqrt,
    // diag, center, gaussian and laplace-q kernels; none has the predicting model beat the plain kernel's
    // test MSE in more than 3 of the 10 seeds. Unstandardised features RFM beats its own baseline in 9 of 10
    // (M learns the scales), but not the standardised plain kernel.
    params: { data: 'boston', task: 'regression', std: true, split: 0.2, L: 10, iters: 5, val: 0.2, stop: true },
  },
  iris: {
    name: 'iris',
    title: 'Iris',
    caption:
      'Three species from four flower measurements. Accuracy by argmax over one-hot outputs; M shows that petal size carries the signal.',
    // lambda = 0.1: over seeds 1-10 the final test accuracy is 0.933-1.0 (0.911-1.0 at 1e-3).
    params: { data: 'iris', task: 'classification', std: true, split: 0.3, L: 10, lambda: 0.1, iters: 3 },
  },
  digits: {
    name: 'digits',
    title: 'Handwritten digits',
    caption:
      'MNIST digits downsampled to 14 × 14. The diagonal and top eigenvectors of M, drawn as images, show which pixels the model learns to look at (the centre, not the blank border). At this size RFM lowers the test error of the plain Laplace kernel but not its accuracy (94.2% → 92.4% at the best iteration). 20% of the training images pick the best iteration (marked on the charts), whose model predicts; the run stops once the validation error is 10% worse than the best.',
    params: {
      data: 'digits',
      task: 'classification',
      px: 14,
      n: 2000,
      ntest: 500,
      std: false,
      L: 10,
      iters: 3,
      sample: 1000,
      val: 0.2,
      stop: true,
    },
  },
  csv: {
    name: 'csv',
    title: 'Your CSV',
    caption: 'Upload a CSV with a header row and numeric columns, choose the target column, and train.',
    params: { data: 'csv', std: true, split: 0.2 },
  },
  ...NFA_PRESETS,
  ...LINRFM_PRESETS,
  ...DEEP_PRESETS,
  ...CONV_PRESETS,
  interpolation: INTERPOLATION_PRESET,
  ...CATAPULT_PRESETS,
};

/** The full parameter set of a preset: defaults, then the preset's values. */
export function presetParams(name: PresetName): Params {
  return { ...defaultParams(), ...PRESETS[name].params, preset: name };
}
