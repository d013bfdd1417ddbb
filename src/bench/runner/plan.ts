/**
 * Which runs `npm run bench` makes: per case, the native reference, then the Node backends, then the
 * browser backends, each with its repeat count and timeout. Slow backends are limited unless asked for by
 * name: webgpu on a software adapter (SwiftShader, ~50x slower than wasm) runs case A once, node cpu runs
 * case A only.
 */
import type { BenchCase } from '../cases';
import type { GpuProbe } from '../protocol';
import { ALL_BACKENDS, type BenchArgs } from './benchArgs';

export type JobKind = 'native' | 'node' | 'browser';

export interface Job {
  spec: BenchCase;
  kind: JobKind;
  /** numpy, wasm, cpu, webgpu */
  backend: string;
  /** e.g. "browser wasm" */
  label: string;
  repeats: number;
  timeoutMs: number;
}

/** Timeout multipliers over a case's wasm budget: a slower backend gets longer before it counts as hung. */
const SLOWDOWN = { native: 1, wasm: 1, webgpu: 1, webgpuSoftware: 60, nodeWasm: 4, nodeCpu: 40 };

export interface Plan {
  jobs: Job[];
  notes: string[];
}

/** `gpu` is null when the browser could not start (browser jobs are then still listed, to be skipped). */
export function planJobs(specs: BenchCase[], args: BenchArgs, gpu: GpuProbe | null): Plan {
  const named = args.backends !== null;
  const backends = args.backends ?? ALL_BACKENDS;
  const softwareGpu = gpu !== null && gpu.available && gpu.isFallback;
  const notes: string[] = [];
  if (backends.includes('webgpu') && gpu && !gpu.available)
    notes.push('webgpu: this Chromium offers no WebGPU adapter.');
  if (backends.includes('webgpu') && softwareGpu && !named)
    notes.push(
      'webgpu: the adapter is SwiftShader (software Vulkan, ~50x slower than wasm on this CPU), so webgpu ran ' +
        'only case A, once; pass --backends webgpu to time it on every case.',
    );
  if (backends.includes('node-cpu') && !named)
    notes.push('node cpu (the pure-JavaScript tfjs backend) ran only case A; pass --backends node-cpu for more.');

  const jobs: Job[] = [];
  for (const spec of specs) {
    const job = (kind: JobKind, backend: string, label: string, slowdown: number, repeats = args.repeats): Job => ({
      spec,
      kind,
      backend,
      label,
      repeats,
      timeoutMs: spec.timeoutSeconds * 1000 * repeats * slowdown * args.timeoutScale,
    });
    if (args.native) jobs.push(job('native', 'numpy', 'native numpy', SLOWDOWN.native));
    if (backends.includes('node-wasm')) jobs.push(job('node', 'wasm', 'node wasm', SLOWDOWN.nodeWasm));
    if (backends.includes('node-cpu') && (named || spec.id === 'A'))
      jobs.push(job('node', 'cpu', 'node cpu', SLOWDOWN.nodeCpu));
    if (backends.includes('wasm')) jobs.push(job('browser', 'wasm', 'browser wasm', SLOWDOWN.wasm));
    if (backends.includes('webgpu') && gpu?.available !== false) {
      if (!softwareGpu) jobs.push(job('browser', 'webgpu', 'browser webgpu', SLOWDOWN.webgpu));
      else if (named) jobs.push(job('browser', 'webgpu', 'browser webgpu', SLOWDOWN.webgpuSoftware));
      else if (spec.id === 'A') jobs.push(job('browser', 'webgpu', 'browser webgpu', SLOWDOWN.webgpuSoftware, 1));
    }
  }
  return { jobs, notes };
}
