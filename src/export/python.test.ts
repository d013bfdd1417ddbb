/**
 * The Python export trains the same RFM: the engine runs in Node (cpu backend), the exported script runs in
 * python3 with numpy, and every iteration's test MSE agrees to 1e-3 relative, with a validation split and
 * subsampled AGOP rows too (the same rows, split and seed). Skipped without python3 + numpy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RFM_OPTIONS, trainRfm, type IterationRecord, type RfmOptions } from '../core';
import { useBackend } from '../core/testing/backends';
import { makeRegressionDataset } from '../data/sources/synthetic';
import { pythonScript } from './python';

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

async function exportAndRun(options: RfmOptions): Promise<{ rel: number[]; output: string }> {
  const data = makeRegressionDataset({
    expression: '5*x1^3 + 10*x2^2 + 2*x3',
    d: 6,
    nTrain: 200,
    nTest: 100,
    distribution: 'uniform',
    noise: 0,
    seed: 3,
  });
  const records: IterationRecord[] = [];
  for await (const record of trainRfm(data, options)) records.push(record);
  const script = pythonScript({
    data,
    options,
    appTestMse: records.map((r) => r.testMse),
    description: 'unit test',
    command: 'npx rfm fit',
  });
  const file = join(mkdtempSync(join(tmpdir(), 'rfm-python-')), 'rfm_run.py');
  writeFileSync(file, script);
  const run = spawnSync('python3', [file], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const rows = run.stdout.trim().split('\n').slice(1);
  return { rel: rows.map((row) => Number(row.trim().split(/\s+/)[4])), output: run.stdout };
}

describe.skipIf(!hasNumpy)('the exported Python script', () => {
  beforeAll(() => useBackend('cpu'));

  it('prints every iteration’s test MSE within 1e-3 of the engine’s', async () => {
    const { rel, output } = await exportAndRun({ ...DEFAULT_RFM_OPTIONS, iterations: 3, spectrumSize: 4 });
    expect(rel, output).toHaveLength(4);
    for (const r of rel) expect(r, output).toBeLessThan(1e-3);
  });

  it('uses the engine’s own AGOP sample rows, and the centred sqrt update', async () => {
    const options: RfmOptions = {
      ...DEFAULT_RFM_OPTIONS,
      iterations: 2,
      spectrumSize: 4,
      agopSampleSize: 80,
      centering: true,
      convention: 'sqrt',
      kernel: 'gaussian',
      bandwidth: 2.5,
    };
    const { rel, output } = await exportAndRun(options);
    expect(rel, output).toHaveLength(3);
    for (const r of rel) expect(r, output).toBeLessThan(1e-3);
  });

  it('holds out the engine’s validation rows and samples the AGOP from the fitted rows (val > 0, sample > 0)', async () => {
    const options: RfmOptions = {
      ...DEFAULT_RFM_OPTIONS,
      iterations: 3,
      spectrumSize: 4,
      validationFraction: 0.2,
      agopSampleSize: 60,
      seed: 11,
    };
    const { rel, output } = await exportAndRun(options);
    expect(rel, output).toHaveLength(4);
    for (const r of rel) expect(r, output).toBeLessThan(1e-3);
  });
});
