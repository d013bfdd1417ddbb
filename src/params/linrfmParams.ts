/**
 * Parameters of the lin-RFM experiments (docs/linrfm.md): which problem, the matrix to complete or the
 * sparse model's size, and the update's power and eps schedule. Spread into PARAMS (schema.ts); n, d,
 * noise, iters and seed are the shared ones. This module imports nothing.
 */
import type { EnumSpec, NumberSpec } from './schema';

const num = (s: Omit<NumberSpec, 'kind'>): NumberSpec => ({ kind: 'number', ...s });

export const LINRFM_PROBLEMS = ['off', 'completion', 'sparse', 'phase'] as const;

/**
 * The kernel each value of `linrfm` trains with: `off` is the kernel RFM of the data parameters, every
 * problem is the linear kernel's. A link may change the problem but not the kernel a preset is about (the run
 * kind itself is decided from the parameters in src/jobs/job.ts).
 */
export const LINRFM_KERNEL_FAMILY: Record<(typeof LINRFM_PROBLEMS)[number], 'kernel RFM' | 'lin-RFM'> = {
  off: 'kernel RFM',
  completion: 'lin-RFM',
  sparse: 'lin-RFM',
  phase: 'lin-RFM',
};

export const LINRFM_PARAMS = {
  linrfm: {
    kind: 'enum',
    key: 'linrfm',
    label: 'lin-RFM problem',
    help: 'off: a kernel RFM on the data above; completion: recover a low-rank matrix from some entries; sparse: recover a sparse vector from few samples; phase: matrix completion success over observed share x rank (rows x cols up to 10,000 entries).',
    defaultValue: 'off',
    options: LINRFM_PROBLEMS,
  } satisfies EnumSpec<(typeof LINRFM_PROBLEMS)[number]>,
  rows: num({
    key: 'rows',
    label: 'rows m',
    help: 'Rows of the matrix to complete.',
    defaultValue: 100,
    min: 2,
    max: 5000,
    scale: 'log',
    integer: true,
  }),
  cols: num({
    key: 'cols',
    label: 'columns',
    help: 'Columns of the matrix to complete (M is cols x cols).',
    defaultValue: 100,
    min: 2,
    max: 5000,
    scale: 'log',
    integer: true,
  }),
  rank: num({
    key: 'rank',
    label: 'rank r',
    help: 'Rank of the matrix to recover.',
    defaultValue: 3,
    min: 1,
    max: 500,
    scale: 'linear',
    integer: true,
  }),
  observed: num({
    key: 'observed',
    label: 'observed share',
    help: 'Share of the entries that are seen.',
    defaultValue: 0.3,
    min: 0.005,
    max: 1,
    scale: 'linear',
    integer: false,
  }),
  basis: num({
    key: 'basis',
    label: 'basis size',
    help: 'Above 128 columns M keeps its top eigenvectors exactly and one value for the rest: a rank cap (keep it above the rank; cost grows with its square).',
    defaultValue: 32,
    min: 4,
    max: 256,
    scale: 'log',
    integer: true,
  }),
  s: num({
    key: 's',
    label: 'power s',
    help: 'M <- (W^T W / m + eps I)^s; s = 1/2 is reweighted least squares for the nuclear (or l1) norm.',
    defaultValue: 0.5,
    min: 0.05,
    max: 1,
    scale: 'linear',
    integer: false,
  }),
  decay: num({
    key: 'decay',
    label: 'eps decay',
    help: 'eps shrinks by this factor per iteration, from 1 (relative to the mean eigenvalue of W^T W / m).',
    defaultValue: 0.8,
    min: 0.1,
    max: 0.99,
    scale: 'linear',
    integer: false,
  }),
} as const;
