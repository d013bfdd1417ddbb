/**
 * `rfm fit --leaf-size`: a CSV with more training rows than the leaf size trains as an AGOP tree, and the
 * JSON carries the splits, each leaf's size and test error, and the tree's test error, which is the leaves'
 * errors weighted by their test points. Over the tree's row limit the run is refused with the figures.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturedIo } from './capturedIo';
import { runCli } from './main';
import type { TreeFitResult } from './treeFit';

function csv(rows: number, seed: number): string {
  let s = seed;
  const next = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const lines = ['x1,x2,x3,y'];
  for (let i = 0; i < rows; i++) {
    const x = [next(), next(), next()];
    lines.push([...x, 3 * (x[0]! + x[1]!) ** 2 + x[2]!].map((v) => v.toFixed(5)).join(','));
  }
  return lines.join('\n');
}

describe('rfm fit --leaf-size', () => {
  it('trains 400 rows as a tree of four leaves of 100 and writes per-leaf figures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rfm-tree-'));
    await writeFile(join(dir, 'train.csv'), csv(400, 7));
    await writeFile(join(dir, 'test.csv'), csv(100, 11));
    const out = join(dir, 'tree.json');
    const io = capturedIo();
    const code = await runCli(
      ['fit', '--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--target', 'y'].concat([
        '--leaf-size',
        '100',
        '--iters',
        '1',
        '--spectrum',
        '4',
        '--out',
        out,
        '-q',
      ]),
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(await readFile(out, 'utf8')) as TreeFitResult;
    expect(result.tree.leaf_sizes).toEqual([100, 100, 100, 100]);
    expect(result.tree.leaf_test_sizes.reduce((a, b) => a + b, 0)).toBe(100);
    expect(result.tree.root).toMatchObject({ node: 0, rows: 400 });
    expect(result.leaves.map((leaf) => leaf.n_train)).toEqual(result.tree.leaf_sizes);
    const weighted =
      result.leaves.reduce((sum, leaf) => sum + (leaf.kept.test_mse ?? 0) * leaf.n_test, 0) /
      result.leaves.reduce((sum, leaf) => sum + leaf.n_test, 0);
    expect(result.summary.test_mse).toBeCloseTo(weighted, 8);
    expect(result.summary.by_iteration).toHaveLength(2);
  });

  it('refuses a leaf size over the schema range with the range', async () => {
    const io = capturedIo();
    const code = await runCli(['fit', '--train', 'a.csv', '--target', 'y', '--leaf-size', '50000'], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/--leaf-size: .*12000/);
  });
});
