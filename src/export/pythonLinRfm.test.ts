/**
 * The lin-RFM Python exports reproduce the app's runs: the engine runs in Node, the exported script in
 * python3 with numpy, and the recovery errors are compared iteration by iteration (matrix completion,
 * sparse recovery) or cell by cell (the phase grid), with the nuclear-norm baseline's. Both are float64;
 * the engine's eigensolver and Cholesky are its own, so the numbers agree to round-off amplified by the
 * iterations: within 1e-9 relative (measured: 1e-13 and below over 30 completion and 68 sparse iterations). Skipped without python3 + numpy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLinRfm, type LinRfmRecord } from '../experiments/linrfmExperiment';
import { jobFromParams } from '../jobs/job';
import { defaultParams, type Params } from '../params/schema';
import type { LinRfmJob } from '../protocol/jobTypes';
import { linRfmPython } from './pythonOfRun';

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

/** The app's run (its first `limit` records) and the script's output with these arguments. */
async function appAndScript(set: Partial<Params>, args: string[] = [], limit = Infinity) {
  const params: Params = { ...defaultParams(), ...set };
  const job = jobFromParams(params) as LinRfmJob;
  const run = startLinRfm(job, params);
  const records: LinRfmRecord[] = [];
  for await (const record of run.records) if (records.push(record) >= limit) break;
  const script = linRfmPython(params, job, records, { description: 'unit test', command: 'npx rfm preset x' });
  const file = join(mkdtempSync(join(tmpdir(), 'rfm-linrfm-')), 'linrfm.py');
  writeFileSync(file, script);
  const out = spawnSync('python3', [file, ...args], { encoding: 'utf8' });
  expect(out.stderr).toBe('');
  return { records, output: out.stdout, script };
}

/** The numeric columns of the rows that start with a number. */
const table = (output: string) =>
  output
    .split('\n')
    .filter((line) => /^\s*\d+\s+[-+.\de]+(\s|$)/.test(line))
    .map((line) => line.trim().split(/\s+/));

describe.skipIf(!hasNumpy)('the lin-RFM Python scripts', () => {
  it('matrix completion: every iteration within 1e-9 relative, the nuclear-norm baseline within 1e-9', async () => {
    const { records, output } = await appAndScript({
      linrfm: 'completion',
      rows: 40,
      cols: 30,
      rank: 2,
      observed: 0.5,
      s: 0.5,
      iters: 30,
      seed: 3,
    });
    const rows = table(output);
    expect(rows, output).toHaveLength(records.length);
    rows.forEach((row, t) => {
      expect(Number(row[0])).toBe(t);
      expect(Number(row[3]), output).toBeLessThan(1e-9);
    });
    // The baseline stops at a change below 1e-7, so its error (~1e-6 here) agrees to about that much of itself.
    const nuclear = /nuclear-norm baseline: error (\S+)\s+(\S+)\s+\S+\s+sweeps (\d+) \(app (\d+)\)/.exec(output);
    expect(nuclear, output).not.toBeNull();
    expect(Math.abs(Number(nuclear![1]) - Number(nuclear![2])), output).toBeLessThan(1e-9);
    expect(nuclear![3]).toBe(nuclear![4]);
  });

  it('sparse recovery: every iteration within 1e-9 relative, to the same support and stopping iteration', async () => {
    const { records, output } = await appAndScript({
      linrfm: 'sparse',
      n: 60,
      d: 200,
      k: 4,
      s: 0.5,
      decay: 0.7,
      iters: 100,
    });
    const rows = table(output);
    // It converges before its budget (68 of 100 here): the script stops at the same iteration.
    expect(records.length).toBeLessThan(101);
    expect(rows, output).toHaveLength(records.length);
    for (const row of rows) expect(Number(row[3]), output).toBeLessThan(1e-9);
    const support = /support found (\[[^\]]*\]) \(app (\[[^\]]*\])\)/.exec(output);
    expect(support?.[1], output).toBe(support?.[2]);
  });

  it('the phase grid: the chosen cells’ final errors, lin-RFM’s and the nuclear norm’s, beside the app’s', async () => {
    const { records, output, script } = await appAndScript(
      { linrfm: 'phase', rows: 20, cols: 20, iters: 20, s: 0.75 },
      ['--cells', '0,6-7,9'],
      10, // the app's first 10 cells of 48 (the whole grid takes a minute here)
    );
    expect(records).toHaveLength(10);
    expect(script).toContain('--cells');
    const rows = table(output);
    expect(
      rows.map((r) => Number(r[0])),
      output,
    ).toEqual([0, 6, 7, 9]);
    for (const row of rows) {
      expect(Number(row[5]), output).toBeLessThan(1e-9); // lin-RFM
      const [script, app] = [Number(row[7]), Number(row[8])];
      expect(Math.abs(script - app), output).toBeLessThan(1e-9 + 1e-3 * app); // the nuclear norm
    }
  }, 300_000);
});
