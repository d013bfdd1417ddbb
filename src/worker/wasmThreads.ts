/**
 * How many threads the wasm backend's matrix products (XNNPACK) get. tfjs-wasm starts its thread pool with
 * navigator.hardwareConcurrency / 2 threads at most, whatever setThreadsCount asks for: it assumes two
 * hardware threads per core. Where the logical cores are real cores (cloud vCPUs, most phones) that leaves
 * half of them idle, and on a 2-core machine it is one thread: the "threaded" backend ran single-threaded.
 * Measured in headless Chromium on the 2-core machine this project is developed on (README, Performance):
 * 2000 x 2000 x 256 in 105-114 ms with one thread and 58-61 ms with two; numpy's BLAS scales the same 2x there.
 *
 * So: at least two threads wherever there are two logical cores, otherwise tfjs's own choice (half of them,
 * at most 8), which leaves a core for the page on larger machines. tfjs reads hardwareConcurrency once, while
 * its module starts (the cap is a static of the wasm module), so the worker shows it a count that lets the
 * chosen number through for that moment only.
 */
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

const POOL_SIZE = 8; // tfjs-wasm pre-creates 8 thread workers: the most it can use

/** The thread count for `logicalCores` (navigator.hardwareConcurrency). */
export function wasmThreadCount(logicalCores: number): number {
  const cores = Math.max(1, Math.floor(logicalCores) || 1);
  return Math.min(POOL_SIZE, Math.max(Math.floor(cores / 2), Math.min(cores, 2)));
}

/**
 * Runs `start` (which starts the wasm backend) with the thread count above in effect; returns its result and
 * the count asked for.
 */
export async function withWasmThreads<T>(start: () => Promise<T>): Promise<{ result: T; threads: number }> {
  const threads = wasmThreadCount(navigator.hardwareConcurrency);
  setThreadsCount(threads);
  const shown = Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency');
  try {
    Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 2 * threads, configurable: true });
  } catch {
    // A navigator that cannot be changed only keeps tfjs's own count: the backend must start regardless.
  }
  try {
    return { result: await start(), threads };
  } finally {
    try {
      if (shown) Object.defineProperty(navigator, 'hardwareConcurrency', shown);
      else delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
    } catch {
      // Nothing was changed to restore.
    }
  }
}
