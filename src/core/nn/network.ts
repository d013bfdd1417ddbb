/**
 * A small fully connected network on tfjs: hidden layers z_l = h_{l-1} W_l^T + b_l, h_l = act(z_l), then a
 * linear output layer. Weights are [out, in] (so the first layer's W^T W is [d, d]), drawn from the seeded
 * generator as N(0, initScale^2 / fan_in); biases start at 0. It owns its variables: call dispose().
 */
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../random';
import type { NnActivation } from './networkTypes';

export interface Layer {
  /** [out, in] */
  weight: tf.Variable<tf.Rank.R2>;
  /** [out] */
  bias: tf.Variable<tf.Rank.R1>;
}

export interface Network {
  /** Hidden layers, then the output layer. */
  layers: Layer[];
  activation: NnActivation;
  dispose(): void;
}

/** The activation and its derivative, as tfjs ops. */
export function activate(activation: NnActivation, z: tf.Tensor): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(z);
    case 'quadratic':
      return tf.square(z);
    case 'tanh':
      return tf.tanh(z);
  }
}

export function activationDerivative(activation: NnActivation, z: tf.Tensor): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(z); // 1 where z > 0, else 0 (the subgradient 0 at z = 0, as autodiff frameworks take it)
    case 'quadratic':
      return tf.mul(z, 2);
    case 'tanh':
      return tf.sub(1, tf.square(tf.tanh(z)));
  }
}

export function createNetwork(
  d: number,
  c: number,
  hidden: readonly number[],
  activation: NnActivation,
  initScale: number,
  random: Random,
): Network {
  const sizes = [d, ...hidden, c];
  const layers: Layer[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1]!;
    const out = sizes[l]!;
    const values = new Float32Array(out * fanIn);
    const std = initScale / Math.sqrt(fanIn);
    for (let k = 0; k < values.length; k++) values[k] = random.normal() * std;
    // tf.variable copies its initial value: free the temporary tensors here.
    const w = tf.tensor2d(values, [out, fanIn]);
    const b = tf.zeros([out]) as tf.Tensor1D;
    layers.push({ weight: tf.variable(w, true), bias: tf.variable(b, true) });
    w.dispose();
    b.dispose();
  }
  return {
    layers,
    activation,
    dispose: () => layers.forEach(({ weight, bias }) => (weight.dispose(), bias.dispose())),
  };
}

/** The network's outputs [m, c] for inputs [m, d]. Call inside tf.tidy. */
export function forward(net: Network, x: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor2D = x;
  net.layers.forEach(({ weight, bias }, l) => {
    const z = tf.add(tf.matMul(h, weight, false, true), bias) as tf.Tensor2D;
    h = l < net.layers.length - 1 ? (activate(net.activation, z) as tf.Tensor2D) : z;
  });
  return h;
}

/** Pre-activations z_l [m, width_l] of every hidden layer. Call inside tf.tidy. */
export function hiddenPreactivations(net: Network, x: tf.Tensor2D): tf.Tensor2D[] {
  const zs: tf.Tensor2D[] = [];
  let h: tf.Tensor2D = x;
  for (const { weight, bias } of net.layers.slice(0, -1)) {
    const z = tf.add(tf.matMul(h, weight, false, true), bias) as tf.Tensor2D;
    zs.push(z);
    h = activate(net.activation, z) as tf.Tensor2D;
  }
  return zs;
}
