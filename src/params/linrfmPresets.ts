/** The lin-RFM presets (docs/linrfm.md), spread into PRESETS (presets.ts). */
import type { Preset } from './presets';

export const LINRFM_PRESETS = {
  'matrix-completion': {
    name: 'matrix-completion',
    title: 'Matrix completion (lin-RFM)',
    caption:
      'A rank-3 100 × 100 matrix seen on 30% of its entries. lin-RFM solves each row in the metric M, then sets M = (WᵀW/m + εI)^½: the singular values of W collapse to the rank and the recovery error falls from 0.84 (iteration 0, zero fill) to below 1%, far past the nuclear-norm soft-impute baseline.',
    params: { linrfm: 'completion', rows: 100, cols: 100, rank: 3, observed: 0.3, s: 0.5, decay: 0.8, iters: 60 },
  },
  'sparse-recovery': {
    name: 'sparse-recovery',
    title: 'Sparse recovery (lin-RFM)',
    caption:
      'y = Xβ with 60 samples in 200 dimensions and 4 non-zero coefficients. Iteration 0 is the minimum-norm solution (error 0.86); the diagonal M = diag(β² + ε)^½ turns lin-RFM into reweighted least squares for the l1 norm, and the support is found within a few iterations.',
    params: { linrfm: 'sparse', n: 60, d: 200, k: 4, s: 0.5, decay: 0.7, iters: 30 },
  },
} satisfies Record<string, Preset>;
