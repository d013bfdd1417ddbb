import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { readFloat32 } from './readValues';

describeEachBackend('readFloat32', (backend) => {
  it('reads the values, into the kept array on wasm when the size matches', async () => {
    const x = tf.tensor2d([1.5, -2, 3e-8, 4], [2, 2]);
    const first = await readFloat32(x);
    expect(Array.from(first)).toEqual(Array.from(await x.data()));
    const y = tf.tensor2d([5, 6, 7, 8], [2, 2]);
    const second = await readFloat32(y, first);
    expect(Array.from(second)).toEqual([5, 6, 7, 8]);
    if (backend === 'wasm') expect(second).toBe(first);
    // A kept array of another size is left alone.
    const z = tf.tensor1d([9, 10, 11]);
    const third = await readFloat32(z, second);
    expect(Array.from(third)).toEqual([9, 10, 11]);
    expect(third).not.toBe(second);
    expect(Array.from(second)).toEqual([5, 6, 7, 8]);
    tf.dispose([x, y, z]);
  });
});
