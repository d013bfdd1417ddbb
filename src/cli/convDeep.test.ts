import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadConvFixture } from '../core/conv/convFixtures';
import { secondLayer } from './convDeep';

describe('Deep ConvRFM second layer', () => {
  it('trains ConvRFM on F-channel ReLU maps of random filters and frees its tensors', async () => {
    await tf.setBackend('cpu');
    const { data, options } = loadConvFixture('gaussian-7x7');
    const before = tf.memory().numTensors;
    const lines: string[] = [];
    const m = Float64Array.from({ length: 81 }, (_, i) => (i % 10 === 0 ? 1 : 0.05));
    const layer = await secondLayer(data, { ...options, iterations: 1 }, m, 4, 1, 'cpu', (line) => lines.push(line));
    expect(layer.shape).toEqual({ height: 5, width: 5, channels: 4 });
    expect(layer.iterations).toHaveLength(2);
    for (const it of layer.iterations) expect(it.test_acc).toBeGreaterThan(0.3);
    expect(lines[0]).toBe('layer 2 (4 random filters from learned M): 5 x 5 x 4 maps');
    expect(tf.memory().numTensors).toBe(before);
  });
});
