/**
 * `rfm fit` through the app's tabular pipeline (data/table/csvFilesDataset.ts): text class labels, the app's
 * error texts for malformed files, and the schema's texts for bad options.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import type { FitResult } from './fit';
import { capturedIo } from './capturedIo';
import { runCli } from './main';

let dir = '';

/** Three well-separated clusters in the plane, labelled by name; `rows` per class, in shuffled order. */
function animalsCsv(rows: number, seed: number): string {
  const random = createRandom(seed);
  const centres: Record<string, [number, number]> = { cat: [0, 0], dog: [4, 0], bird: [0, 4] };
  const lines = Object.entries(centres).flatMap(([name, [a, b]]) =>
    Array.from(
      { length: rows },
      () => `${(a + random.normal() * 0.5).toFixed(4)},${(b + random.normal() * 0.5).toFixed(4)},${name}`,
    ),
  );
  const order = lines.map((line) => [random.uniform(), line] as const).sort((p, q) => p[0] - q[0]);
  return `x1,x2,animal\n${order.map(([, line]) => line).join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rfm-fit-'));
  await writeFile(join(dir, 'animals.csv'), animalsCsv(20, 1));
  await writeFile(join(dir, 'animals-test.csv'), animalsCsv(10, 2));
  await writeFile(join(dir, 'ragged.csv'), 'x1,x2,animal\n1,2,cat\n3,dog\n');
  await writeFile(join(dir, 'quote.csv'), 'x1,x2,animal\n1,2,cat\n3,4,"dog\n');
  await writeFile(join(dir, 'empty-label.csv'), 'x1,x2,animal\n1,2,cat\n3,4,NA\n');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function fit(...argv: string[]): Promise<{ code: number; io: ReturnType<typeof capturedIo> }> {
  const io = capturedIo();
  const code = await runCli(['fit', ...argv, '--backend', 'cpu', '--spectrum', '4', '-q'], io);
  return { code, io };
}

describe('rfm fit on the tabular pipeline', () => {
  it('one-hot encodes a column of text labels, names the classes and reports accuracy', async () => {
    const files = ['--train', join(dir, 'animals.csv'), '--test', join(dir, 'animals-test.csv')];
    const { code, io } = await fit(...files, '--target', 'animal', '--task', 'classification', '--iters', '1');
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(io.out()) as FitResult;
    expect(result.data).toMatchObject({
      n_train: 60,
      n_test: 30,
      d: 2,
      c: 3,
      task: 'classification',
      feature_names: ['x1', 'x2'],
      class_labels: ['bird', 'cat', 'dog'],
    });
    // The clusters are 8 standard deviations apart: every point is classified right, from iteration 0.
    for (const it of result.iterations) {
      expect(it.train_acc).toBe(1);
      expect(it.test_acc).toBe(1);
    }
  });

  it('refuses text in a regression target, naming the file, row and column', async () => {
    const train = join(dir, 'animals.csv');
    const { code, io } = await fit('--train', train, '--target', 'animal');
    expect(code).toBe(1);
    expect(io.err()).toMatch(new RegExp(`^rfm: ${train}, row 2, column "animal": "\\w+" is not a number\\.\\n$`));
  });

  it("gives the app's messages for malformed files", async () => {
    const cases: [string, string][] = [
      ['ragged.csv', 'row 3: 2 values, but the header has 3 columns.'],
      ['quote.csv', 'row 3: quoted field unterminated.'],
      ['empty-label.csv', 'row 3, column "animal": the class label is missing (NA).'],
    ];
    for (const [file, message] of cases) {
      const path = join(dir, file);
      const { code, io } = await fit('--train', path, '--target', 'animal', '--task', 'classification');
      expect(code).toBe(1);
      expect(io.err()).toBe(`rfm: ${path}, ${message}\n`);
    }
  });

  it("checks --task with the schema's text", async () => {
    const { code, io } = await fit('--train', join(dir, 'animals.csv'), '--target', 'animal', '--task', 'labels');
    expect(code).toBe(2);
    expect(io.err()).toBe(
      `rfm: --task: invalid task: labels (one of regression, classification)\nRun 'rfm fit --help' for usage.\n`,
    );
  });
});
