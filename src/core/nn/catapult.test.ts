/**
 * The closed forms the catapults experiment relies on, against tfjs autodiff on a small network: the batch
 * NTK J J^T (every parameter's gradient of each output) and the AGOP of input gradients.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { createRandom } from '../random';
import { describeEachBackend } from '../testing/backends';
import { batchNtk, topNtkEigenvalue, twoLayerAgop } from './catapult';
import { createNetwork, forward } from './network';

const d = 3;
const b = 4;
const x = Float32Array.from({ length: b * d }, (_, i) => Math.sin(1.7 * i + 0.3));

describeEachBackend('the two-layer closed forms', () => {
  it('give the batch NTK J J^T that autodiff gives, and its top eigenvalue', async () => {
    const net = createNetwork(d, 1, [5], 'relu', 1, createRandom(3));
    const variables = net.layers.flatMap((l) => [l.weight, l.bias]);
    const xs = tf.tensor2d(x, [b, d]);
    // Row i of J: the gradient of output i with respect to every parameter, flattened.
    const rows: Float32Array[] = [];
    for (let i = 0; i < b; i++) {
      const { grads } = tf.variableGrads(
        () => tf.sum(tf.slice(forward(net, xs), [i, 0], [1, 1])) as tf.Scalar,
        variables,
      );
      const flat = tf.concat(variables.map((v) => tf.reshape(grads[v.name]!, [-1])));
      rows.push(Float32Array.from(await flat.data()));
      tf.dispose([flat, ...Object.values(grads)]);
    }
    const k = tf.tidy(() => batchNtk(net, xs));
    const closed = await k.data();
    for (let i = 0; i < b; i++)
      for (let j = 0; j < b; j++) {
        const dot = rows[i]!.reduce((s, v, p) => s + v * rows[j]![p]!, 0);
        expect(closed[i * b + j]).toBeCloseTo(dot, 4);
      }
    const start = new Float32Array(b).fill(0.5);
    const lambda = await topNtkEigenvalue(net, xs, start, 60);
    // The top eigenvalue of K / b satisfies K v = b lambda v for the returned vector.
    for (let i = 0; i < b; i++) {
      const kv = Array.from({ length: b }, (_, j) => closed[i * b + j]! * start[j]!).reduce((s, v) => s + v, 0);
      expect(kv / b).toBeCloseTo(lambda * start[i]!, 3);
    }
    tf.dispose([k, xs]);
    net.dispose();
  });

  it('give the AGOP of the network’s input gradients', async () => {
    const net = createNetwork(d, 1, [6], 'relu', 1, createRandom(5));
    const xs = tf.tensor2d(x, [b, d]);
    const grad = tf.grad((input: tf.Tensor) => tf.sum(forward(net, input as tf.Tensor2D)));
    const g = grad(xs);
    const values = await g.data();
    const expected = new Float64Array(d * d);
    for (let i = 0; i < b; i++)
      for (let p = 0; p < d; p++)
        for (let q = 0; q < d; q++) expected[p * d + q]! += (values[i * d + p]! * values[i * d + q]!) / b;
    const agop = await twoLayerAgop(net, xs);
    for (let k = 0; k < d * d; k++) expect(agop[k]).toBeCloseTo(expected[k]!, 5);
    tf.dispose([g, xs]);
    net.dispose();
  });
});
