/** The engine's public surface: what the worker, the CLI and tests import. */
export * from './types';
export { trainRfm, DEFAULT_RFM_OPTIONS, identityMatrix } from './rfm';
export type { Progress, TrainHooks } from './rfm';
export { TrainedModel, predictWithSnapshot } from './model';
export { KERNEL_NAMES, createKernel } from './kernels/kernelRegistry';
export { UPDATE_CONVENTIONS, updateFeatureMatrix } from './update';
export { createRandom, permutation } from './random';
export type { Random } from './random';
