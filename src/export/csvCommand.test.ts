/**
 * A CSV run's exports name the uploaded file and only the parameters its data source reads: the copied
 * command runs as copied in a folder holding that file, and the JSON carries no synthetic target.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetParams } from '../params/presets';
import type { Params } from '../params/schema';
import { reproduceCommand } from './command';
import { runResult } from './runJson';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = "my data (v2)'s.csv";
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rfm-csv-command-'));
  const rows = ['a,b,y', ...Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 5},${(i % 7) * 2 + 1}`)];
  await writeFile(join(dir, FILE), `${rows.join('\n')}\n`);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A CSV run after the user had tweaked the seed preset's target and sizes (they ride along in params). */
const csvRun = (): Params => ({ ...presetParams('csv'), target: 'y', iters: 2, expr: 'x1^2', d: 12, n: 900 });

describe('a CSV run reproduced', () => {
  it('copies a command naming the uploaded file and no parameter the CSV does not read', () => {
    const command = reproduceCommand(csvRun(), { csv: FILE });
    expect(command).toBe(
      `npx rfm preset csv --set iters=2 --set target=y --csv 'my data (v2)'\\''s.csv' --out result.json`,
    );
  });

  it('runs as copied in the folder holding the file', async () => {
    const command = reproduceCommand(csvRun(), { csv: FILE }).replace(
      /^npx rfm /,
      `'${process.execPath}' '${join(REPO_ROOT, 'bin/rfm.mjs')}' `,
    );
    await promisify(execFile)('sh', ['-c', `${command} --quiet`], { cwd: dir });
    const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as { data: { n_train: number } };
    expect(result.data.n_train).toBeGreaterThan(0);
  });

  it("writes JSON with the file's name and without the synthetic target's expr, d and n", () => {
    const data = { nTrain: 32, nTest: 8, d: 2, c: 1, featureNames: ['a', 'b'] };
    const json = runResult(csvRun(), [], data, 'cpu', FILE);
    expect(json.data.file).toBe(FILE);
    expect(json.params).toMatchObject({ data: 'csv', target: 'y', iters: 2, seed: 1 });
    for (const key of ['expr', 'd', 'n', 'ntest', 'dist', 'noise', 'corpus', 'p', 'px']) {
      expect(json.params, key).not.toHaveProperty(key);
    }
  });
});
