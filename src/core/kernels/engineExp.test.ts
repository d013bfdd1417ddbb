import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { engineExp } from './engineExp';

describeEachBackend('engineExp', (backend) => {
  it('matches tf.exp to float32 accuracy across the range, over several chunks and a ragged end', () => {
    // 600,003 values: two whole chunks of 2^18, then a last one whose length is not a multiple of 4.
    const count = 600_003;
    const values = Float32Array.from({ length: count }, (_, i) => -90 + (i * 178) / count);
    values[5] = 0;
    values[6] = -1e-8;
    const x = tf.tensor1d(values);
    const before = tf.memory().numTensors;
    const got = engineExp(x);
    expect(tf.memory().numTensors).toBe(before + 1);
    const out = got.dataSync();
    // One expect per figure: 600,000 calls of expect took ~10 s.
    let worstRelative = 0;
    let largestFlushed = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      // Below -87.34 the kernel flushes to 0; tf.exp gives denormals there (< 1.4e-38 near the edge).
      if (v < -87.2) largestFlushed = Math.max(largestFlushed, out[i]!);
      else worstRelative = Math.max(worstRelative, Math.abs(out[i]! - Math.exp(v)) / Math.exp(v));
    }
    expect(worstRelative).toBeLessThan(3e-7);
    expect(largestFlushed).toBeLessThan(1.4e-38);
    expect(out[5]).toBe(1);
    tf.dispose([x, got]);
  });

  it('keeps NaN and sends -Infinity to 0, inside tidy', () => {
    const out = tf.tidy(() => engineExp(tf.tensor2d([NaN, -Infinity, 1, -2], [2, 2])));
    expect(out.shape).toEqual([2, 2]);
    const v = out.dataSync();
    expect(v[0]).toBeNaN();
    expect(v[1]).toBe(0);
    expect(v[2]).toBeCloseTo(Math.E, 6);
    expect(v[3]).toBeCloseTo(Math.exp(-2), 7);
    out.dispose();
  });

  it('runs the engine kernel on wasm (it flushes e^-88 to 0; tf.exp gives a denormal there)', () => {
    const x = tf.tensor1d([-88]);
    const [engine, plain] = [engineExp(x), tf.exp(x)];
    expect(plain.dataSync()[0]).toBeGreaterThan(0);
    if (backend === 'wasm') expect(engine.dataSync()[0]).toBe(0);
    else expect(engine.dataSync()[0]).toBe(plain.dataSync()[0]);
    tf.dispose([x, engine, plain]);
  });
});
