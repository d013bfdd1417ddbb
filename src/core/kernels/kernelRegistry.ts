/** Kernel factory: options are checked once here, so hot loops never branch on the kernel's name. */
import { KERNEL_NAMES, type KernelName } from '../types';
import type { KernelFunction } from './kernelFunction';
import { gaussianKernel } from './gaussian';
import { laplaceKernel } from './laplace';
import { laplaceQKernel } from './laplaceQ';

export type { KernelFunction } from './kernelFunction';

export { KERNEL_NAMES };

export function createKernel(name: KernelName, bandwidth: number, exponent = 1): KernelFunction {
  if (!(bandwidth > 0) || !Number.isFinite(bandwidth)) throw new Error(`invalid bandwidth: ${bandwidth} (must be > 0)`);
  switch (name) {
    case 'laplace':
      return laplaceKernel(bandwidth);
    case 'gaussian':
      return gaussianKernel(bandwidth);
    case 'laplace-q':
      if (!(exponent > 0 && exponent <= 2)) throw new Error(`invalid exponent q: ${exponent} (must be in (0, 2])`);
      return laplaceQKernel(bandwidth, exponent);
    default:
      throw new Error(`invalid kernel: ${String(name)}`);
  }
}
