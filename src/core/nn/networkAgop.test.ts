/**
 * The network's AGOP and the NFA correlation code against an independent float64 numpy reference
 * (scripts/make_nn_fixtures.py writes src/core/fixtures/nn-agop.json): tiny fixed networks of depth 1 and 2
 * with each activation. The engine works in float32; its AGOP agrees to ~1e-6 relative [measured], the
 * tolerance is 1e-4. The correlations are computed in float64 and agree to 1e-12.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { relativeError } from '../testing/fixtures';
import { networkAgop } from './networkAgop';
import { matrixCorrelation, offDiagonalCorrelation } from './correlation';
import type { Network } from './network';
import type { NnActivation } from './networkTypes';

interface AgopCase {
  name: string;
  d: number;
  c: number;
  n: number;
  hidden: number[];
  activation: NnActivation;
  weights: number[][];
  biases: number[][];
  x: number[];
  agop: number[];
}

interface CorrelationCase {
  d: number;
  a: number[];
  b: number[];
  pearson: number;
  pearson_offdiag: number;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/nn-agop.json', import.meta.url), 'utf8')) as {
  agop: AgopCase[];
  correlation: CorrelationCase[];
};

function networkOf(fixed: AgopCase): Network {
  const sizes = [fixed.d, ...fixed.hidden, fixed.c];
  // tidy frees the initial tensors; the variables (their copies) survive it.
  const layers = tf.tidy(() =>
    fixed.weights.map((w, l) => ({
      weight: tf.variable(tf.tensor2d(Float32Array.from(w), [sizes[l + 1]!, sizes[l]!])),
      bias: tf.variable(tf.tensor1d(Float32Array.from(fixed.biases[l]!))),
    })),
  );
  return { layers, activation: fixed.activation, dispose: () => layers.forEach((l) => tf.dispose([l.weight, l.bias])) };
}

describeEachBackend('the network AGOP', () => {
  for (const fixed of fixture.agop) {
    it(`matches the float64 reference for ${fixed.name}`, async () => {
      const before = tf.memory().numTensors;
      const net = networkOf(fixed);
      const x = tf.tensor2d(Float32Array.from(fixed.x), [fixed.n, fixed.d]);
      const agop = await networkAgop(net, x);
      x.dispose();
      net.dispose();
      expect(relativeError(agop, fixed.agop)).toBeLessThan(1e-4);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

it('correlates matrix entries as numpy does, over all entries and off the diagonal', () => {
  for (const fixed of fixture.correlation) {
    expect(matrixCorrelation(fixed.a, fixed.b)).toBeCloseTo(fixed.pearson, 12);
    expect(offDiagonalCorrelation(fixed.a, fixed.b, fixed.d)).toBeCloseTo(fixed.pearson_offdiag, 12);
  }
});

it('reports NaN, not a number, for a matrix with no spread', () => {
  expect(matrixCorrelation([1, 1, 1, 1], [1, 2, 3, 4])).toBeNaN();
});
