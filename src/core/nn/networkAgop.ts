/**
 * The network's AGOP, sum over training points of J(x)^T J(x) / n, where J(x) = d f / d x is the [c, d]
 * input Jacobian (so the sum over outputs k of grad f_k grad f_k^T). Closed form for the MLP, batched:
 *
 *   J(x) = W_L diag(s_{L-1}(x)) W_{L-1} ... diag(s_1(x)) W_1,   s_l = act'(z_l(x))
 *
 * built right to left for a batch of b points as a [b * c, width] matrix, so one matMul per layer and
 * J^T J for the batch, never a per-point loop. Batches keep the intermediate at most BATCH_FLOATS floats.
 * Sums are accumulated in float64 on the CPU. Checked against a float64 numpy reference
 * (scripts/make_nn_fixtures.py).
 */
import * as tf from '@tensorflow/tfjs';
import { activationDerivative, hiddenPreactivations, type Network } from './network';

const BATCH_FLOATS = 4_000_000;

/** Jacobians [b * c, d] of the batch's points, point-major (rows i*c .. i*c + c - 1 belong to point i). */
function batchJacobians(net: Network, x: tf.Tensor2D): tf.Tensor2D {
  const zs = hiddenPreactivations(net, x);
  const b = x.shape[0];
  const output = net.layers.at(-1)!.weight; // [c, h_L]
  const c = output.shape[0];
  let j: tf.Tensor2D = tf.tile(output, [b, 1]) as tf.Tensor2D; // [b * c, h_L]
  for (let l = zs.length - 1; l >= 0; l--) {
    const s = activationDerivative(net.activation, zs[l]!); // [b, h_l]
    const width = s.shape[1]!;
    const scaled = tf.mul(tf.reshape(j, [b, c, width]), tf.expandDims(s, 1));
    j = tf.matMul(tf.reshape(scaled, [b * c, width]), net.layers[l]!.weight) as tf.Tensor2D; // [b * c, h_{l-1}]
  }
  return j;
}

/** AGOP [d, d] of the network over the rows of x [n, d], in float64. */
export async function networkAgop(net: Network, x: tf.Tensor2D): Promise<Float64Array> {
  const [n, d] = x.shape;
  const c = net.layers.at(-1)!.weight.shape[0];
  const widest = Math.max(d, ...net.layers.map((layer) => layer.weight.shape[1]));
  const batch = Math.max(1, Math.min(n, Math.floor(BATCH_FLOATS / (c * widest))));
  const sum = new Float64Array(d * d);
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    const gram = tf.tidy(() => {
      const j = batchJacobians(net, tf.slice(x, [start, 0], [size, d]));
      return tf.matMul(j, j, true, false);
    });
    const values = await gram.data();
    gram.dispose();
    for (let k = 0; k < d * d; k++) sum[k] = sum[k]! + values[k]!;
  }
  for (let k = 0; k < d * d; k++) sum[k] = sum[k]! / n;
  return sum;
}
