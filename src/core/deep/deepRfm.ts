/**
 * Deep RFM (docs/deeprfm.md): standardise the features, labels one-hot in {-1, +1}; then per layer
 * l = 1..D on X_l [n, d_l]: rows to unit norm; one Laplace-RFM step with M = I gives M_l = G / n
 * (layerAgop.ts); X_{l+1} = ReLU(X_l M_l^(1/2) W_l^T) with a random W_l (randomLayer.ts). The control stack
 * repeats it with M_l = I and the same W_l. Every layer yields NC1 and NC2 (collapse.ts) of X_l (at unit
 * norm), X_l M_l^(1/2) and X_{l+1}: the AGOP stack first, layer by layer, then the control.
 *
 * Pure tfjs on the active backend, no DOM: it runs in a worker and in Node. Every tensor it makes is freed
 * before the next layer, also when the consumer stops early or a checkpoint throws.
 */
import * as tf from '@tensorflow/tfjs';
import { createRandom } from '../random';
import { neuralCollapse } from './collapse';
import { signedOneHot, standardiseColumns, unitRows } from './deepInputs';
import type { CollapseMeasures, DeepData, DeepLayerRecord, DeepRfmOptions, DeepStack, DeepStage } from './deepTypes';
import { featureRoot } from './featureRoot';
import { laplaceAgopAtIdentity } from './layerAgop';
import { randomLayers } from './randomLayer';

export interface DeepHooks {
  /** Awaited before each layer: throw from it to cancel, await in it to pause. */
  checkpoint?: (stack: DeepStack, layer: number) => Promise<void>;
  /** Receives each stage's features [n, d] (a view, valid during the call), e.g. for a Gram matrix. */
  features?: (stack: DeepStack, layer: number, stage: DeepStage, x: Float32Array, d: number) => void;
}

export function checkDeepData(data: DeepData, options: DeepRfmOptions): void {
  const { n, d, labels, classes } = data;
  if (!(n >= 2) || !(d >= 1) || data.x.length !== n * d) throw new Error(`x must hold n x d = ${n} x ${d} values`);
  if (labels.length !== n) throw new Error(`there must be one label per point (${labels.length} for ${n} points)`);
  if (!(classes >= 2)) throw new Error(`neural collapse needs at least 2 classes, not ${classes}`);
  const counts = new Int32Array(classes);
  for (const c of labels) {
    if (!(c >= 0 && c < classes)) throw new Error(`label ${c} is outside 0 .. ${classes - 1}`);
    counts[c]!++;
  }
  const empty = counts.indexOf(0);
  if (empty >= 0) throw new Error(`class ${data.classLabels?.[empty] ?? empty} has no points`);
  for (const key of ['depth', 'width'] as const)
    if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`${key} must be a whole number >= 1`);
  if (!(options.bandwidth > 0) || !(options.ridge >= 0)) throw new Error('bandwidth must be > 0 and ridge >= 0');
}

export async function* trainDeepRfm(
  data: DeepData,
  options: DeepRfmOptions,
  hooks: DeepHooks = {},
): AsyncGenerator<DeepLayerRecord, void, undefined> {
  checkDeepData(data, options);
  const { n, labels, classes } = data;
  const layers = randomLayers(createRandom(options.seed), data.d, options.depth, options.width);
  const inputs = standardiseColumns(data.x, n, data.d);
  const y = tf.tensor2d(signedOneHot(labels, classes), [n, classes]);
  const measure = async (stack: DeepStack, layer: number, stage: DeepStage, x: tf.Tensor2D) => {
    const d = x.shape[1];
    const values = (await x.data()) as Float32Array;
    hooks.features?.(stack, layer, stage, values, d);
    const { nc1, nc2, meanCosines } = neuralCollapse(values, n, d, labels, classes);
    return { values, measures: { nc1, nc2 }, meanCosines };
  };
  try {
    for (const stack of ['agop', 'control'] as const) {
      let x = tf.tensor2d(inputs, [n, data.d]);
      try {
        for (let l = 0; l < options.depth; l++) {
          await hooks.checkpoint?.(stack, l + 1);
          const started = performance.now();
          const d = x.shape[1];
          const owned: tf.Tensor[] = [];
          try {
            const xn = tf.tidy(() => unitRows(x));
            owned.push(xn);
            const collapse = {} as Record<DeepStage, CollapseMeasures>;
            const meanCosines = {} as Record<DeepStage, Float64Array>;
            const stageX = await measure(stack, l + 1, 'X', xn);
            collapse.X = stageX.measures;
            meanCosines.X = stageX.meanCosines;
            let scaled = xn;
            let mEigenvalues: Float64Array | null = null;
            if (stack === 'agop') {
              const { m } = await laplaceAgopAtIdentity(xn, y, options.bandwidth, options.ridge);
              const { eigenvalues, root } = await featureRoot(m, d, stageX.values, n);
              owned.push(root);
              mEigenvalues = eigenvalues;
              scaled = tf.matMul(xn, root);
              owned.push(scaled);
            }
            if (stack === 'agop') {
              const stage = await measure(stack, l + 1, 'sqrtM_X', scaled);
              collapse.sqrtM_X = stage.measures;
              meanCosines.sqrtM_X = stage.meanCosines;
            } else {
              collapse.sqrtM_X = collapse.X;
              meanCosines.sqrtM_X = Float64Array.from(stageX.meanCosines);
              hooks.features?.(stack, l + 1, 'sqrtM_X', stageX.values, d);
            }
            const next = tf.tidy(() => tf.relu(tf.matMul(scaled, tf.tensor2d(layers[l]!, [d, options.width]))));
            x.dispose();
            x = next as tf.Tensor2D;
            const stageNext = await measure(stack, l + 1, 'next', x);
            collapse.next = stageNext.measures;
            meanCosines.next = stageNext.meanCosines;
            yield { stack, layer: l + 1, d, collapse, meanCosines, mEigenvalues, ms: performance.now() - started };
          } finally {
            owned.forEach((t) => t.dispose());
          }
        }
      } finally {
        x.dispose();
      }
    }
  } finally {
    y.dispose();
  }
}
