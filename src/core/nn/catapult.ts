/**
 * Catapults (docs/catapults.md): a two-layer ReLU network f(x) = a^T relu(W x + b) + c trained by plain SGD on
 * half the squared error, with per step the training loss, the top eigenvalue of the empirical neural tangent
 * kernel on a fixed batch and the alignment cos(AGOP_net, AGOP_true). With loss (1/2b)|f - y|^2 gradient
 * descent is stable for a learning rate below 2 / lambda_max(K / b); above it the loss spikes and the kernel's
 * top eigenvalue falls until it is stable again (the catapult).
 *
 * For one hidden layer the Jacobian products have a closed form, so the power iterations multiply by the batch
 * kernel directly: K = H H^T + ((D diag(a^2)) D^T) o (X X^T + 1) + 1, with H = relu(Z), D = 1{Z > 0},
 * Z = X W^T + b: the three terms are the output weights', the first layer's and the output bias's parts of
 * J J^T. The network's input gradients are likewise (D diag(a)) W, so its AGOP is G^T G / n.
 */
import * as tf from '@tensorflow/tfjs';
import { createRandom, permutation } from '../random';
import { createNetwork, forward, type Network } from './network';
import { matrixCosine } from './spikes';

export interface CatapultOptions {
  width: number;
  /** The learning rate as a multiple of 2 / lambda_max(K / b) at initialisation (1: the stability edge). */
  lrScale: number;
  batchSize: number;
  steps: number;
  seed: number;
  /** Points of the fixed batch the top NTK eigenvalue is measured on (at most n). */
  eigenBatch: number;
  /** Power iterations per step (warm-started from the previous step's vector). */
  powerIterations: number;
}

export interface CatapultStep {
  /** Steps taken; 0 is the network at initialisation. */
  step: number;
  /** MSE over the training set. */
  loss: number;
  /** lambda_max(K / b) of the NTK on the fixed batch. */
  topEigenvalue: number;
  /** cos(AGOP_net, AGOP_true) over the training set. */
  alignment: number;
}

export interface CatapultData {
  /** [n, d] */
  x: Float32Array;
  /** [n] */
  y: Float32Array;
  n: number;
  d: number;
  /** E[grad f grad f^T] of the true target over the training points, [d, d]. */
  trueAgop: Float64Array;
  /** Scored once, after the last step. */
  test: { x: Float32Array; y: Float32Array; n: number };
}

/** The batch NTK K = J J^T [b, b] of a one-hidden-layer network at inputs x [b, d]. Call inside tidy. */
export function batchNtk(net: Network, x: tf.Tensor2D): tf.Tensor2D {
  const [first, output] = net.layers as [Network['layers'][0], Network['layers'][0]];
  const z = tf.add(tf.matMul(x, first.weight, false, true), first.bias);
  const h = tf.relu(z);
  const mask = tf.step(z);
  const a2 = tf.square(tf.reshape(output.weight, [1, -1]));
  const firstLayer = tf.mul(tf.matMul(tf.mul(mask, a2), mask, false, true), tf.add(tf.matMul(x, x, false, true), 1));
  return tf.add(tf.add(tf.matMul(h, h, false, true), firstLayer), 1) as tf.Tensor2D;
}

/** The network's AGOP over inputs x [n, d], [d, d] row-major in float64. */
export async function twoLayerAgop(net: Network, x: tf.Tensor2D): Promise<Float64Array> {
  const [first, output] = net.layers as [Network['layers'][0], Network['layers'][0]];
  const agop = tf.tidy(() => {
    const mask = tf.step(tf.add(tf.matMul(x, first.weight, false, true), first.bias));
    const g = tf.matMul(tf.mul(mask, tf.reshape(output.weight, [1, -1])), first.weight);
    return tf.div(tf.matMul(g, g, true, false), x.shape[0]);
  });
  const values = Float64Array.from(await agop.data());
  agop.dispose();
  return values;
}

/** lambda_max(K / b) by power iteration from `start` (updated in place to the top eigenvector's estimate). */
export async function topNtkEigenvalue(net: Network, x: tf.Tensor2D, start: Float32Array, iterations: number) {
  const b = x.shape[0];
  const k = tf.tidy(() => tf.div(batchNtk(net, x), b));
  const values = (await k.data()) as Float32Array;
  k.dispose();
  let v = Float64Array.from(start);
  let lambda = 0;
  for (let it = 0; it < iterations; it++) {
    const w = new Float64Array(b);
    for (let i = 0; i < b; i++) {
      let s = 0;
      for (let j = 0; j < b; j++) s += values[i * b + j]! * v[j]!;
      w[i] = s;
    }
    const norm = Math.hypot(...w);
    let rayleigh = 0;
    for (let i = 0; i < b; i++) rayleigh += v[i]! * w[i]!;
    lambda = rayleigh;
    v = w.map((value) => value / norm);
  }
  start.set(v);
  return lambda;
}

async function mse(net: Network, x: tf.Tensor2D, y: tf.Tensor2D): Promise<number> {
  const loss = tf.tidy(() => tf.mean(tf.square(tf.sub(forward(net, x), y))));
  const value = (await loss.data())[0]!;
  loss.dispose();
  return value;
}

/**
 * Trains by plain SGD: yields the learning rate first, then step 0 (initialisation) and every step, then the
 * test MSE after the last step.
 */
export async function* trainCatapult(
  data: CatapultData,
  options: CatapultOptions,
): AsyncGenerator<{ lr: number; criticalLr: number } | CatapultStep | { testMse: number }, void, undefined> {
  const { n, d } = data;
  const random = createRandom(options.seed);
  const net = createNetwork(d, 1, [options.width], 'relu', 1, random);
  const x = tf.tensor2d(data.x, [n, d]);
  const y = tf.tensor2d(data.y, [n, 1]);
  const eigenRows = permutation(n, random).slice(0, Math.min(n, options.eigenBatch));
  const xEigen = tf.gather(x, Array.from(eigenRows)) as tf.Tensor2D;
  const vector = Float32Array.from({ length: eigenRows.length }, () => 1 / Math.sqrt(eigenRows.length));
  const variables = net.layers.flatMap((layer) => [layer.weight, layer.bias]);
  let optimizer: tf.SGDOptimizer | null = null;
  const measure = async (step: number): Promise<CatapultStep> => ({
    step,
    loss: await mse(net, x, y),
    topEigenvalue: await topNtkEigenvalue(net, xEigen, vector, options.powerIterations),
    alignment: matrixCosine(await twoLayerAgop(net, x), data.trueAgop),
  });
  try {
    // The edge of stability at initialisation, from more iterations than a step takes.
    const initial = await topNtkEigenvalue(net, xEigen, vector, 4 * options.powerIterations);
    const criticalLr = 2 / initial;
    const lr = options.lrScale * criticalLr;
    yield { lr, criticalLr };
    const sgd = tf.train.sgd(lr);
    optimizer = sgd;
    yield await measure(0);
    let order = permutation(n, random);
    let cursor = 0;
    for (let step = 1; step <= options.steps; step++) {
      if (cursor + options.batchSize > n) {
        order = permutation(n, random);
        cursor = 0;
      }
      const rows = Array.from(order.subarray(cursor, cursor + options.batchSize));
      cursor += options.batchSize;
      const cost = sgd.minimize(
        () => {
          const xb = tf.gather(x, rows) as tf.Tensor2D;
          const yb = tf.gather(y, rows);
          return tf.mul(tf.mean(tf.square(tf.sub(forward(net, xb), yb))), 0.5) as tf.Scalar;
        },
        false,
        variables,
      );
      cost?.dispose();
      yield await measure(step);
    }
    if (data.test.n > 0) {
      const xTest = tf.tensor2d(data.test.x, [data.test.n, d]);
      const yTest = tf.tensor2d(data.test.y, [data.test.n, 1]);
      yield { testMse: await mse(net, xTest, yTest) };
      tf.dispose([xTest, yTest]);
    }
  } finally {
    // Also when the consumer stops early (the app's cancel throws at a checkpoint between steps).
    optimizer?.dispose();
    tf.dispose([x, y, xEigen]);
    net.dispose();
  }
}
