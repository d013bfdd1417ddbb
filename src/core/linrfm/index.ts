/** lin-RFM: RFM with the linear kernel, for matrix completion and sparse regression (docs/linrfm.md). */
export * from './types';
export { completeMatrix, relativeError } from './completion';
export type { LinRfmHooks, LinRfmProgress } from './completion';
export { recoverSparse, supportOf, SUPPORT_THRESHOLD } from './sparse';
export { PREVIEW_SIDE, previewIndices, previewMatrix } from './preview';
