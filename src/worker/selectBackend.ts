/**
 * Chooses the tfjs backend inside the worker. WebGPU only when the adapter is real hardware: a software
 * fallback adapter (SwiftShader) is ~50x slower than the wasm backend on the same CPU (README, "Backends, in three lines").
 * Then threaded wasm (needs cross-origin isolation), then webgl, then cpu. An explicit choice is honoured
 * when that backend can start, else the next in the auto order is used and the reason says so.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { cpuBackendLimits, type MemoryLimits } from '../core/memory';
import { withWasmThreads } from './wasmThreads';
import type { AdapterDescription, BackendChoice, BackendInfo } from '../protocol/messages';

let webgpuLoaded: Promise<unknown> | null = null;

async function describeAdapter(): Promise<AdapterDescription | null> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) return null;
  const adapter = await navigator.gpu.requestAdapter().catch(() => null);
  if (!adapter) return null;
  const info = adapter.info;
  const legacyFallback = (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const text = `${info.vendor} ${info.architecture} ${info.description}`.toLowerCase();
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description,
    isFallback: Boolean(info.isFallbackAdapter || legacyFallback || text.includes('swiftshader')),
  };
}

/** A backend that has not started within this long is taken as failed (a wasm thread that never starts). */
const BACKEND_START_TIMEOUT_MS = 20_000;

/**
 * Whether this worker may start workers from blob: URLs, as the threads of threaded wasm do. A
 * Content-Security-Policy without blob: in worker-src (or script-src) forbids it, and threaded wasm then
 * waits forever for its threads: so ask first, and run wasm without threads when the answer is no.
 */
function blobWorkersAllowed(): Promise<boolean> {
  if (typeof Worker === 'undefined' || typeof URL.createObjectURL !== 'function') return Promise.resolve(false);
  const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
  return new Promise<boolean>((answer) => {
    let probe: Worker | null = null;
    const done = (allowed: boolean) => {
      probe?.terminate();
      URL.revokeObjectURL(url);
      answer(allowed);
    };
    try {
      probe = new Worker(url);
      probe.onmessage = () => done(true);
      probe.onerror = () => done(false);
      setTimeout(() => done(false), 3000);
    } catch {
      done(false);
    }
  });
}

let wasmThreads: Promise<boolean> | null = null;

/** Whether wasm will run with threads here: cross-origin isolation and blob: workers both allowed. */
function wasmThreadsAvailable(): Promise<boolean> {
  const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
  wasmThreads ??= isolated ? blobWorkersAllowed() : Promise.resolve(false);
  return wasmThreads;
}

async function tryBackend(name: Exclude<BackendChoice, 'auto'>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), BACKEND_START_TIMEOUT_MS)),
  );
  try {
    return await Promise.race([startBackend(name), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function startBackend(name: Exclude<BackendChoice, 'auto'>): Promise<boolean> {
  try {
    if (name === 'webgpu') {
      webgpuLoaded ??= import('@tensorflow/tfjs-backend-webgpu');
      await webgpuLoaded;
    }
    const activate = async (): Promise<boolean> =>
      (await tf.setBackend(name)) && (await tf.ready().then(() => tf.getBackend() === name));
    if (name === 'wasm') {
      const threads = await wasmThreadsAvailable();
      if (!threads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlainUrl,
        'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
      });
      if (threads) return (await withWasmThreads(activate)).result;
    }
    return await activate();
  } catch {
    return false;
  }
}

/**
 * What the active backend can hold, for the check before a run (core/memory.ts). WebGPU reports its
 * per-buffer limits; its total memory is not exposed, so four of its largest buffers are assumed. wasm32
 * addresses 4 GiB, of which ~3.5 are left for tensors. cpu and webgl keep tensors in the JS heap or
 * textures: 2 GiB is a conservative budget for one tab.
 */
export function memoryLimits(): MemoryLimits {
  const backend = tf.getBackend();
  if (backend === 'webgpu') {
    const limits = (tf.backend() as unknown as { device: GPUDevice }).device.limits;
    const maxTensorBytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    return { backend, maxTensorBytes, maxTotalBytes: 4 * limits.maxBufferSize };
  }
  // The same limits as the CLI's (core/memory.ts), so the app and `rfm` refuse the same sizes.
  return cpuBackendLimits(backend);
}

/** Calls `onLost` if the WebGPU device behind the active backend is lost (driver reset, GPU removed). */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  if (tf.getBackend() !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
  void device?.lost.then((info) => {
    if (info.reason !== 'destroyed') onLost(info.message || 'unknown reason');
  });
}

/**
 * `automaticReason` replaces "chosen by you" when the app itself asked for `choice` (after a lost GPU).
 */
export async function selectBackend(choice: BackendChoice, automaticReason?: string): Promise<BackendInfo> {
  const adapter = await describeAdapter();
  const threads = await wasmThreadsAvailable();
  const info = (name: string, reason: string): BackendInfo => ({
    name,
    reason,
    adapter,
    threads: name === 'wasm' ? threads : null,
  });

  if (choice !== 'auto') {
    if (choice === 'webgpu' && !adapter) {
      // fall through to auto with a reason
    } else if (await tryBackend(choice)) {
      return info(choice, automaticReason ?? 'chosen by you');
    }
  }
  const prefix =
    choice !== 'auto' ? `${automaticReason ? `${automaticReason}, but ` : ''}${choice} could not start; ` : '';
  if (adapter && !adapter.isFallback && (await tryBackend('webgpu')))
    return info('webgpu', `${prefix}WebGPU on real GPU hardware (${adapter.vendor || adapter.description || 'GPU'})`);
  const why = adapter
    ? 'the WebGPU adapter is a software fallback (SwiftShader), slower than wasm'
    : 'no WebGPU adapter';
  if (await tryBackend('wasm'))
    return info(
      'wasm',
      `${prefix}${why}; wasm ${threads ? `with ${getThreadsCount()} threads` : `without threads (${typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated ? "the page's Content-Security-Policy forbids blob: workers" : 'page not cross-origin isolated'})`}`,
    );
  if (await tryBackend('webgl')) return info('webgl', `${prefix}${why}; wasm unavailable`);
  await tryBackend('cpu');
  return info('cpu', `${prefix}${why}; wasm and webgl unavailable`);
}
