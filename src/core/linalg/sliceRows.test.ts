import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { sliceRows } from './sliceRows';

describeEachBackend('sliceRows', () => {
  it.each([
    [0, 7],
    [3, 4],
    [6, 1],
    [2, 0],
  ])('gives tf.slice rows %i.. (%i of them), and leaks nothing', (start, count) => {
    const x = tf.tensor2d(
      Float32Array.from({ length: 7 * 5 }, (_, i) => i * 0.5 - 3),
      [7, 5],
    );
    const before = tf.memory().numTensors;
    const rows = sliceRows(x, start, count);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(rows.shape).toEqual([count, 5]);
    expect(Array.from(rows.dataSync())).toEqual(Array.from(tf.slice(x, [start, 0], [count, -1]).dataSync()));
    rows.dispose();
    // The copy is its own tensor: disposing it leaves x intact.
    expect(x.dataSync()[34]).toBe(14);
    tf.dispose([x]);
  });

  it('copies the right rows when its output has to grow the heap (32 MiB input, 24 MiB out)', () => {
    const n = 8192;
    const x = tf.tidy(() => tf.reshape(tf.range(0, n * 1024, 1, 'float32'), [n, 1024])) as tf.Tensor2D;
    const rows = sliceRows(x, 2048, n - 2048);
    const values = rows.dataSync();
    expect(values[0]).toBe(2048 * 1024);
    expect(values[values.length - 1]).toBe(n * 1024 - 1);
    expect(values[1024 * 1000 + 17]).toBe((2048 + 1000) * 1024 + 17);
    tf.dispose([x, rows]);
  });

  it('refuses rows outside the matrix', () => {
    const x = tf.zeros([3, 2]) as tf.Tensor2D;
    expect(() => sliceRows(x, 2, 2)).toThrow(/rows 2\.\.4 of 3/);
    x.dispose();
  });
});
