import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { capturedIo } from './capturedIo';
import { runCli } from './main';
import type { FitResult } from './fit';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';

/** A small seeded regression problem: y = x1^2 + x2, 3 inputs. */
function regressionCsv(rows: number, seed: number): string {
  const random = createRandom(seed);
  const lines = ['x1,x2,x3,y'];
  for (let i = 0; i < rows; i++) {
    const x = [random.normal(), random.normal(), random.normal()];
    lines.push([...x, x[0]! ** 2 + x[1]!].map((v) => v.toFixed(6)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rfm-cli-'));
  await writeFile(join(dir, 'train.csv'), regressionCsv(60, 1));
  await writeFile(join(dir, 'test.csv'), regressionCsv(30, 2));
  await writeFile(join(dir, 'bad.csv'), 'x1,x2,x3,y\n1,2,3,4\n5,6,oops,8\n');
  await writeFile(join(dir, 'labels.csv'), 'x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.1,0.1,0\n0.9,0.1,1\n');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('runCli', () => {
  it.each(['wasm', 'cpu'])('fits on the %s backend and writes iterations 0..T with M = I at 0', async (backend) => {
    const io = capturedIo();
    const out = join(dir, `result-${backend}.json`);
    const argv = ['fit', '--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--target', 'y'];
    const code = await runCli([...argv, '--iters', '2', '--backend', backend, '--spectrum', '8', '--out', out], io);
    expect(io.err()).not.toMatch(/^rfm:/m);
    expect(code).toBe(0);
    const result = JSON.parse(await readFile(out, 'utf8')) as FitResult;
    expect(result.backend).toBe(backend);
    expect(result.options).toMatchObject({
      kernel: 'laplace',
      bandwidth: 10,
      ridge: 1e-3,
      iterations: 2,
      convention: 'mean',
    });
    expect(result.data).toMatchObject({ n_train: 60, n_test: 30, d: 3, c: 1, feature_names: ['x1', 'x2', 'x3'] });
    expect(result.iterations.map((it) => it.iter)).toEqual([0, 1, 2]);
    expect(result.iterations[0]!.M).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(result.iterations[0]!.baseline).toBe(true);
    for (const it of result.iterations) {
      expect(Number.isFinite(it.train_mse)).toBe(true);
      expect(Number.isFinite(it.test_mse)).toBe(true);
      expect(it.test_acc).toBeNull();
      expect(it.M).toHaveLength(3);
      expect(it.M_eigenvalues).toHaveLength(3);
      expect(it.kernel_eigenvalues.length).toBeGreaterThan(0);
      expect(Object.keys(it.timings_ms).sort()).toEqual(['agop', 'kernel', 'predict', 'solve', 'spectrum']);
    }
    expect(result.iterations[2]!.M).not.toEqual(result.iterations[0]!.M);
    expect(io.err().match(/^iter \d\/2 .*train MSE .*test MSE .* s$/gm)).toHaveLength(3);
  });

  it('writes the JSON to standard output when --out is not given', async () => {
    const io = capturedIo();
    const code = await runCli(
      ['fit', '--train', join(dir, 'train.csv'), '--target', 'y', '--iters', '1', '--quiet'],
      io,
    );
    expect(code).toBe(0);
    expect(io.err()).toBe('');
    const result = JSON.parse(io.out()) as FitResult;
    expect(result.iterations).toHaveLength(2);
    expect(result.iterations[0]!.test_mse).toBeNull();
  });

  it('one-hot encodes integer labels for classification and reports accuracy', async () => {
    const io = capturedIo();
    const argv = ['fit', '--train', join(dir, 'labels.csv'), '--test', join(dir, 'labels.csv'), '--target', 'label'];
    const code = await runCli([...argv, '--task', 'classification', '--iters', '1', '--backend', 'cpu', '--quiet'], io);
    expect(code).toBe(0);
    const result = JSON.parse(io.out()) as FitResult;
    expect(result.data).toMatchObject({ c: 2, class_labels: ['0', '1'] });
    expect(result.iterations[0]!.train_acc).toBe(1);
    expect(result.iterations[0]!.test_acc).toBe(1);
  });

  it('prints usage for --help and exits 0', async () => {
    const io = capturedIo();
    expect(await runCli(['fit', '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: rfm fit --train train.csv --target y/);
    expect(io.out()).toMatch(/--bandwidth, --L VALUE\n +Kernel bandwidth\. \(0\.01 to 1000\) \[10\]/);
    expect(io.out()).toMatch(/--val-fraction, --val VALUE/);
  });

  it('exits 2 with a one-line message for an invalid option', async () => {
    const io = capturedIo();
    const code = await runCli(['fit', '--train', 'a.csv', '--target', 'y', '--kernel', 'foo'], io);
    expect(code).toBe(2);
    expect(io.err()).toBe(
      `rfm: --kernel: invalid kernel: foo (one of laplace, gaussian, laplace-q)\nRun 'rfm fit --help' for usage.\n`,
    );
  });

  it('exits 1 naming the row and column of a malformed CSV', async () => {
    const io = capturedIo();
    const bad = join(dir, 'bad.csv');
    const code = await runCli(['fit', '--train', bad, '--target', 'y'], io);
    expect(code).toBe(1);
    expect(io.err()).toBe(`rfm: ${bad}, row 3, column "x3": "oops" is not a number.\n`);
  });

  it('exits 1 for a missing file and a missing target column, without a stack trace', async () => {
    const io = capturedIo();
    expect(await runCli(['fit', '--train', join(dir, 'nope.csv'), '--target', 'y'], io)).toBe(1);
    expect(await runCli(['fit', '--train', join(dir, 'train.csv'), '--target', 'z'], io)).toBe(1);
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toEqual([
      `rfm: cannot read ${join(dir, 'nope.csv')}: no such file`,
      `rfm: The target column "z" is not in ${join(dir, 'train.csv')}; its columns are "x1", "x2", "x3", "y".`,
    ]);
  });

  it('exits 1 before fitting when the output folder does not exist', async () => {
    const io = capturedIo();
    const out = join(dir, 'missing', 'r.json');
    expect(await runCli(['fit', '--train', join(dir, 'train.csv'), '--target', 'y', '--out', out], io)).toBe(1);
    expect(io.err()).toMatch(/^rfm: cannot write .*r\.json: the folder .*missing does not exist\n$/);
  });

  it('exits 1 before fitting when --out cannot be written (a folder), with no progress line', async () => {
    const io = capturedIo();
    // Before, the whole fit ran and only writing the JSON failed (EISDIR).
    expect(await runCli(['fit', '--train', join(dir, 'train.csv'), '--target', 'y', '--out', dir], io)).toBe(1);
    expect(io.err()).toBe(`rfm: cannot write ${dir}: it is a folder\n`);
  });

  it('refuses an option given twice, and a preset whose data is set to another source', async () => {
    const twice = capturedIo();
    const train = join(dir, 'train.csv');
    expect(await runCli(['fit', '--train', train, '--train', train, '--target', 'y'], twice)).toBe(2);
    expect(twice.err()).toMatch(/^rfm: --train is given more than once; give it once\n/);
    const alias = capturedIo();
    expect(await runCli(['fit', '--train', train, '--target', 'y', '--L', '1', '--bandwidth', '2'], alias)).toBe(2);
    expect(alias.err()).toMatch(/^rfm: --L and --bandwidth name the same option; give it once\n/);
    const data = capturedIo();
    // Before: exit 0, Iris's caption and views over Moby Dick.
    expect(await runCli(['preset', 'iris', '--set', 'data=text', '-q'], data)).toBe(2);
    expect(data.err()).toMatch(/^rfm: data=text contradicts the iris preset \(its data is iris\)/);
  });
});

describe('bin/rfm.mjs', () => {
  const run = promisify(execFile);
  const launch = (args: string[]) => run(process.execPath, ['bin/rfm.mjs', ...args], { cwd: REPO_ROOT });

  it('runs a fit from a fresh node process with no build step', async () => {
    const out = join(dir, 'launcher.json');
    const argv = ['fit', '--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--target', 'y'];
    const { stderr } = await launch([...argv, '--iters', '1', '--backend', 'wasm', '--out', out]);
    expect(stderr).toMatch(/^iter 1\/1 /m);
    const result = JSON.parse(await readFile(out, 'utf8')) as FitResult;
    expect(result.iterations.map((it) => it.iter)).toEqual([0, 1]);
  });

  it('exits 1 with the row and column of a malformed CSV', async () => {
    const bad = join(dir, 'bad.csv');
    const failure = await launch(['fit', '--train', bad, '--target', 'y']).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toBe(`rfm: ${bad}, row 3, column "x3": "oops" is not a number.\n`);
  });

  it('exits 2 for a usage error', async () => {
    const failure = await launch(['fit', '--bandwidth', '-1']).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/^rfm: --bandwidth: L must be between 0.01 and 1000, not -1\n/);
  });

  it('holds out a validation split, names the best iteration and predicts with it', async () => {
    const io = capturedIo();
    const argv = ['fit', '--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--target', 'y'];
    const code = await runCli([...argv, '--val-fraction', '0.25', '--iters', '3', '--spectrum', '4', '-q'], io);
    expect(code).toBe(0);
    const result = JSON.parse(io.out()) as FitResult;
    expect(result.options.validationFraction).toBe(0.25);
    const validation = result.iterations.map((it) => it.validation_mse!);
    expect(validation.every(Number.isFinite)).toBe(true);
    const best = validation.indexOf(Math.min(...validation));
    expect(result.iterations.at(-1)!.best_iteration).toBe(best);
    expect(result.summary).toMatchObject({ best_iteration: best, prediction_iteration: best });
    expect(result.summary.prediction_test_mse).toBe(result.iterations[best]!.test_mse);
    expect(result.data.n_train).toBe(60); // the file's rows; 15 of them are held out for validation
  });

  it('standardises the features with --standardise, and leaves them alone without it', async () => {
    const run = async (...extra: string[]): Promise<FitResult> => {
      const io = capturedIo();
      const argv = ['fit', '--train', join(dir, 'train.csv'), '--target', 'y', '--iters', '0', '--spectrum', '4', '-q'];
      expect(await runCli([...argv, ...extra], io)).toBe(0);
      return JSON.parse(io.out()) as FitResult;
    };
    const plain = await run();
    const standardised = await run('--standardise');
    expect(plain.data.standardised).toBe(false);
    expect(standardised.data.standardised).toBe(true);
    expect(standardised.iterations[0]!.train_mse).not.toBe(plain.iterations[0]!.train_mse);
  });

  it('refuses a run that cannot fit in memory before allocating it, with the largest n that fits', async () => {
    const io = capturedIo();
    // Used to die inside the wasm backend with "memory access out of bounds".
    // leaf=0: one kernel for all rows (a leaf size would train them as a tree instead).
    const code = await runCli(['preset', 'seed', '--set', 'n=20000', '--set', 'ntest=10', '--set', 'leaf=0', '-q'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(
      /^rfm: n = 20000 training points do not fit: it needs about 7\.5 GB at its peak, more than the wasm backend can hold \(about 3\.5 GB\)\. The largest n that fits is about \d+; a leaf size \(leaf, e\.g\. 4000\) trains larger data as a tree of RFMs, one kernel per leaf\.\n$/,
    );
  });

  it('refuses a CSV with more features than can train, with the numbers, before training', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rfm-wide-'));
    const columns = Array.from({ length: 1600 }, (_, j) => `x${j + 1}`);
    const rows = Array.from({ length: 12 }, (_, i) => [...columns.map((_, j) => ((i * 7 + j) % 5) / 5), i].join(','));
    await writeFile(join(dir, 'wide.csv'), [[...columns, 'y'].join(','), ...rows].join('\n'));
    const io = capturedIo();
    const code = await runCli(['fit', '--train', join(dir, 'wide.csv'), '--target', 'y', '-q'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/^rfm: d = 1,600 input features is more than can train here: .* At most 1,500 features/);
    await rm(dir, { recursive: true, force: true });
  });
});
