/**
 * Trains the fully connected network on a Dataset with AdamW on the mean squared error, and yields a
 * record at initialisation (epoch 0) and then after every `recordEvery` epochs (and the last): errors,
 * the first layer's W^T W (raw and centred on its initial value), the network's sqrt(AGOP) and the
 * neural feature ansatz correlations with their baselines (docs/nfa.md).
 *
 * Pure tfjs, no DOM: runs in the worker and in Node. Every tensor it makes is disposed, also when the
 * consumer stops early; the records carry the live tensor count so tests can check it stays flat.
 */
import * as tf from '@tensorflow/tfjs';
import { symmetricSqrt } from '../linalg/symmetricEigen';
import { accuracy, meanSquaredError } from '../metrics';
import { createRandom, permutation } from '../random';
import type { Dataset } from '../types';
import { AdamW } from './adamw';
import { networkAgop } from './networkAgop';
import { matrixCorrelation, offDiagonalCorrelation } from './correlation';
import { createNetwork, forward, type Network } from './network';
import type { NnEpochRecord, NnOptions, NnProgress } from './networkTypes';

export interface NnHooks {
  /** Awaited between batches (at most every CHECKPOINT_MS) and after each epoch: throw to cancel, await to pause. */
  checkpoint?: (progress: NnProgress) => Promise<void>;
  /** The RFM's final M [d, d] on the same data, for the correlation with the network's W^T W. */
  rfmM?: Float64Array | null;
}

/** Batches run back to back for at most this long before the checkpoint is awaited (it yields to the event loop). */
const CHECKPOINT_MS = 100;
/** At most about this many records per run by default: each holds three [d, d] matrices and costs an AGOP. */
const MAX_RECORDS = 100;

/** Records every this many epochs, so a long run keeps at most ~MAX_RECORDS records. */
export function recordInterval(epochs: number): number {
  return Math.max(1, Math.ceil(epochs / MAX_RECORDS));
}

export function validateNnOptions(options: NnOptions): void {
  const { hidden, learningRate, weightDecay, batchSize, epochs, initScale } = options;
  if (hidden.length < 1 || hidden.length > 2 || !hidden.every((w) => Number.isInteger(w) && w >= 1))
    throw new Error(`invalid hidden layers: [${hidden.join(', ')}] (one or two positive widths)`);
  if (!(learningRate > 0)) throw new Error(`invalid learning rate: ${learningRate} (must be > 0)`);
  if (!(weightDecay >= 0) || learningRate * weightDecay >= 1)
    throw new Error(`invalid weight decay: ${weightDecay} (must be >= 0 and below 1 / learning rate)`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize}`);
  if (!Number.isInteger(epochs) || epochs < 0) throw new Error(`invalid epochs: ${epochs}`);
  if (options.recordEvery !== undefined && !(Number.isInteger(options.recordEvery) && options.recordEvery >= 1))
    throw new Error(`invalid record interval: ${options.recordEvery}`);
  if (!(initScale > 0)) throw new Error(`invalid initialisation scale: ${initScale} (must be > 0)`);
}

/** A^T A of a row-major [rows, d] matrix, float32 on the backend, returned as float64. */
async function gramOf(matrix: tf.Tensor2D): Promise<Float64Array> {
  const gram = tf.matMul(matrix, matrix, true, false);
  const values = await gram.data();
  gram.dispose();
  return Float64Array.from(values);
}

async function predictions(net: Network, x: tf.Tensor2D): Promise<Float32Array> {
  const out = tf.tidy(() => forward(net, x));
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

export async function* trainNetwork(
  data: Dataset,
  options: NnOptions,
  hooks: NnHooks = {},
): AsyncGenerator<NnEpochRecord, void, undefined> {
  validateNnOptions(options);
  const { nTrain: n, nTest, d, c } = data;
  if (n < 1) throw new Error('the training set is empty');
  const random = createRandom(options.seed);
  const net = createNetwork(d, c, options.hidden, options.activation, options.initScale, random);
  const weights = net.layers.map((layer) => layer.weight);
  const variables = net.layers.flatMap((layer) => [layer.weight, layer.bias]);
  const optimizer = new AdamW(options.learningRate, options.weightDecay, weights);
  const xTrain = tf.tensor2d(data.xTrain, [n, d]);
  const yTrain = tf.tensor2d(data.yTrain, [n, c]);
  const xTest = nTest > 0 ? tf.tensor2d(data.xTest, [nTest, d]) : null;
  const firstLayer = weights[0]!;
  const initialWeights = firstLayer.clone();
  const started = performance.now();
  const every = options.recordEvery ?? recordInterval(options.epochs);
  const rfmM = hooks.rfmM && hooks.rfmM.length === d * d ? hooks.rfmM : null;
  try {
    const initialGram = await gramOf(initialWeights);
    let steps = 0;

    const record = async (epoch: number): Promise<NnEpochRecord> => {
      const WtW = await gramOf(firstLayer);
      const delta = tf.sub(firstLayer, initialWeights) as tf.Tensor2D;
      const centredWtW = await gramOf(delta);
      delta.dispose();
      const sqrtAgop = symmetricSqrt(await networkAgop(net, xTrain), d);
      const trainPred = await predictions(net, xTrain);
      const testPred = xTest ? await predictions(net, xTest) : null;
      return {
        epoch,
        steps,
        trainLoss: meanSquaredError(trainPred, data.yTrain),
        testMse: testPred ? meanSquaredError(testPred, data.yTest) : null,
        trainAccuracy: accuracy(trainPred, data.yTrain, c, data.accuracy),
        testAccuracy: testPred ? accuracy(testPred, data.yTest, c, data.accuracy) : null,
        d,
        WtW,
        centredWtW,
        sqrtAgop,
        nfaCorr: matrixCorrelation(WtW, sqrtAgop),
        nfaCorrCentred: matrixCorrelation(centredWtW, sqrtAgop),
        nfaCorrOffdiag: offDiagonalCorrelation(WtW, sqrtAgop, d),
        nfaCorrW0: matrixCorrelation(initialGram, sqrtAgop),
        nfaCorrOffdiagW0: offDiagonalCorrelation(initialGram, sqrtAgop, d),
        nfaCorrWithRfmM: rfmM ? matrixCorrelation(WtW, rfmM) : null,
        elapsedMs: performance.now() - started,
        tensors: tf.memory().numTensors,
      };
    };

    yield await record(0);
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const order = permutation(n, random);
      let lastCheck = performance.now();
      for (let start = 0; start < n; start += options.batchSize) {
        const rows = order.subarray(start, Math.min(n, start + options.batchSize));
        const index = tf.tensor1d(rows, 'int32');
        const xb = tf.gather(xTrain, index);
        const yb = tf.gather(yTrain, index);
        optimizer.step(() => tf.losses.meanSquaredError(yb, forward(net, xb as tf.Tensor2D)) as tf.Scalar, variables);
        tf.dispose([index, xb, yb]);
        steps++;
        if (performance.now() - lastCheck > CHECKPOINT_MS) {
          await hooks.checkpoint?.({ epoch, fraction: Math.min(1, (start + rows.length) / n) });
          lastCheck = performance.now();
        }
      }
      await hooks.checkpoint?.({ epoch, fraction: 1 });
      if (epoch % every === 0 || epoch === options.epochs) {
        const result = await record(epoch);
        if (!Number.isFinite(result.trainLoss))
          throw new Error(`the network diverged at epoch ${epoch} (try a smaller learning rate)`);
        yield result;
      }
    }
  } finally {
    optimizer.dispose();
    net.dispose();
    tf.dispose([xTrain, yTrain, initialWeights]);
    xTest?.dispose();
  }
}
