/**
 * The Gaussian patch kernel's SIMD exponentials (patchExp.ts, kernels.wat expAccumulate) against Math.exp:
 * float32 accuracy over the whole range a log-kernel takes, exact 0 below float32's smallest normal, sums
 * over several products, and the wasm heap view of a tensor against dataSync; on the other backends none of it.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { createPatchExp, expTensor, patchExpAvailable, tensorValues } from './patchExp';

/** count values from lo to hi, stored as float32. */
function ramp(count: number, lo: number, hi: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

describeEachBackend('patch kernel exponentials', (backend) => {
  if (backend !== 'wasm') {
    it('are not offered: tf.exp runs on the backend, and no tensor is read synchronously', () => {
      expect(patchExpAvailable()).toBe(false);
      expect(createPatchExp(4)).toBeNull();
      const x = tf.tensor1d([1, 2]);
      expect(() => tensorValues(x)).toThrow(/tfjs-wasm's heap/);
      x.dispose();
    });
    return;
  }

  it('match Math.exp to float32 precision and are 0 below 2^-126', () => {
    // 1001 values: not a multiple of four, so the padded tail is exercised too.
    const x = ramp(1001, -100, 10);
    const patchExp = createPatchExp(x.length)!;
    expect(patchExp).not.toBeNull();
    const e = patchExp.exp(x).slice();
    let worst = 0;
    x.forEach((v, i) => {
      const exact = Math.exp(v);
      if (v < -87.4) expect(e[i]).toBe(0);
      else if (exact > 1.2e-38) worst = Math.max(worst, Math.abs(e[i]! - exact) / exact);
    });
    expect(worst).toBeLessThan(3e-7);
    expect(e[x.length - 1]).toBeCloseTo(Math.exp(10), -1);
  });

  it('sum the exponentials of several products, scaled', () => {
    const a = ramp(10, -3, 0);
    const b = ramp(10, -1, -0.5);
    const patchExp = createPatchExp(10)!;
    patchExp.accumulate(a);
    patchExp.accumulate(b);
    const sum = patchExp.sum(0.5);
    sum.forEach((v, i) => expect(v).toBeCloseTo((Math.exp(a[i]!) + Math.exp(b[i]!)) / 2, 6));
  });

  it('give exp of a product tensor and read tensors as dataSync does', () => {
    const product = tf.tensor2d(ramp(6, -2, 0), [2, 3]);
    const patchExp = createPatchExp(6)!;
    const e = expTensor(patchExp, product);
    expect(e.shape).toEqual([2, 3]);
    const expected = Array.from(product.dataSync(), Math.exp);
    Array.from(e.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    // The result owns its values: the kernel's memory is reused by the next call.
    patchExp.exp(new Float32Array(6));
    Array.from(e.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    expect(Array.from(tensorValues(product))).toEqual(Array.from(product.dataSync()));
    tf.dispose([product, e]);
  });
});
