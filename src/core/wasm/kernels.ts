/**
 * The engine's WebAssembly SIMD kernels (kernels.wat, embedded as kernelsBinary.ts). Each caller gets its
 * own instance, so each has its own memory. Where the module cannot be compiled (no SIMD support, or a
 * Content-Security-Policy without 'wasm-unsafe-eval') callers fall back to plain loops.
 */
import { ENGINE_KERNELS_WASM } from './kernelsBinary';

export interface EngineKernels {
  memory: WebAssembly.Memory;
  groupSums: (w: number, alpha: number, hot: number, acc: number, n: number, strideBytes: number) => void;
  rowProducts: (a: number, xT: number, out: number, scratch: number, n: number, c: number, rows: number) => void;
  sumRows: (src: number, rows: number, rowStrideBytes: number, lengthBytes: number, out: number) => void;
  subtractFromRows: (dst: number, rows: number, rowStrideBytes: number, lengthBytes: number, vec: number) => void;
  cholesky: (a: number, l: number, b: number) => number;
  invertLower: (l: number, inv: number, b: number) => void;
  expAccumulate: (src: number, dst: number, bytes: number, accumulate: number) => void;
}

let compiled: WebAssembly.Module | null | undefined;

function compiledKernels(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Uint8Array.from(atob(ENGINE_KERNELS_WASM), (ch) => ch.charCodeAt(0)));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Whether the kernels can run here (false: callers use their plain loops). */
export function engineKernelsAvailable(): boolean {
  return compiledKernels() !== null;
}

/**
 * A new instance of the kernels, or null where they cannot be compiled. Users that fill its memory with
 * large inputs (an n x n matrix) take a fresh instance per use and drop it, so the memory goes with it.
 */
export function instantiateEngineKernels(): EngineKernels | null {
  const module = compiledKernels();
  if (module === null) return null;
  const { exports } = new WebAssembly.Instance(module, {});
  return {
    memory: exports.memory as WebAssembly.Memory,
    groupSums: exports.groupSums as EngineKernels['groupSums'],
    rowProducts: exports.rowProducts as EngineKernels['rowProducts'],
    sumRows: exports.sumRows as EngineKernels['sumRows'],
    subtractFromRows: exports.subtractFromRows as EngineKernels['subtractFromRows'],
    cholesky: exports.cholesky as EngineKernels['cholesky'],
    invertLower: exports.invertLower as EngineKernels['invertLower'],
    expAccumulate: exports.expAccumulate as EngineKernels['expAccumulate'],
  };
}

/** Grows the instance's memory to hold at least `bytes`; returns its (new) buffer. */
export function reserveMemory(kernels: EngineKernels, bytes: number): ArrayBuffer {
  const pages = Math.ceil(bytes / 65536) - kernels.memory.buffer.byteLength / 65536;
  if (pages > 0) kernels.memory.grow(pages);
  return kernels.memory.buffer;
}

/** `bytes` rounded up to a multiple of 16 (the alignment of a v128 load). */
export function aligned(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
