import { describe, expect, it } from 'vitest';
import { benchCase } from '../cases';
import type { GpuProbe } from '../protocol';
import { parseBenchArgs, type BenchArgs } from './benchArgs';
import { planJobs } from './plan';

const specs = ['A', 'B'].map((id) => benchCase(id, true));
const software: GpuProbe = {
  available: true,
  vendor: 'google',
  architecture: 'swiftshader',
  description: '',
  isFallback: true,
};
const hardware: GpuProbe = { ...software, architecture: 'ampere', isFallback: false };

function args(argv: string[]): BenchArgs {
  const parsed = parseBenchArgs(argv);
  if (parsed === 'help') throw new Error('unexpected help');
  return parsed;
}

const labels = (argv: string[], gpu: GpuProbe | null): string[] =>
  planJobs(specs, args(argv), gpu).jobs.map((job) => `${job.spec.id} ${job.label} x${job.repeats}`);

describe('planJobs', () => {
  it('runs webgpu on a software adapter only on case A, once, unless asked for by name', () => {
    expect(labels([], software).filter((l) => l.includes('webgpu'))).toEqual(['A browser webgpu x1']);
    expect(labels(['--backends', 'webgpu'], software)).toEqual([
      'A native numpy x3',
      'A browser webgpu x3',
      'B native numpy x3',
      'B browser webgpu x3',
    ]);
  });

  it('runs webgpu on every case when the adapter is real hardware', () => {
    expect(labels([], hardware).filter((l) => l.includes('webgpu'))).toEqual([
      'A browser webgpu x3',
      'B browser webgpu x3',
    ]);
  });

  it('runs node cpu on case A only by default', () => {
    expect(labels(['--repeats', '2'], hardware).filter((l) => l.includes('cpu'))).toEqual(['A node cpu x2']);
  });

  it('rejects unknown backends and options', () => {
    expect(() => args(['--backends', 'webgl'])).toThrow('unknown backend webgl');
    expect(() => args(['--fast'])).toThrow('unknown option --fast');
  });
});
