/** The neural network beside the RFM: training, its AGOP and the neural feature ansatz correlations. */
export * from './types';
export { trainNetwork, recordInterval, validateNnOptions } from './train';
export type { NnHooks } from './train';
export { networkAgop } from './agop';
export { createNetwork, forward } from './network';
export type { Network } from './network';
export { matrixCorrelation, offDiagonalCorrelation, pearson } from './correlation';
