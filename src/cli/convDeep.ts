/**
 * Deep ConvRFM's second layer for `rfm preset convrfm --set deep=F` (docs/convrfm.md): F random filters
 * w = M^(1/2) z from the first layer's final M (and, as the control, from M = I), ReLU feature maps, then
 * ConvRFM with the same patch size, kernel and updates on the F-channel maps. The maps are scaled so that
 * their patches' mean squared norm equals the first layer's, so the bandwidth keeps its meaning.
 */
import { checkConvRunFits } from '../core/conv/convMemory';
import { featureMaps, randomFilters } from '../core/conv/deepConv';
import { cpuBackendLimits } from '../core/memory';
import { trainConvRfm } from '../core/conv/convRfm';
import type { ConvIterationRecord, ConvRfmOptions } from '../core/conv/convTypes';
import { extractPatches, patchGrid } from '../core/conv/patches';
import { identityMatrix } from '../core/runChecks';
import type { Dataset } from '../core/types';
import { convProgressLine } from './convReport';

function meanSquaredPatchNorm(images: Float32Array, n: number, options: ConvRfmOptions): number {
  const { positions } = patchGrid(options.image, options.patch);
  const patches = extractPatches(images, n, options.image, options.patch);
  let sum = 0;
  for (const v of patches) sum += v * v;
  return sum / (positions * n);
}

export interface SecondLayer {
  filters: 'learned M' | 'identity (control)';
  shape: ConvRfmOptions['image'];
  iterations: { iteration: number; test_acc: number | null; test_mse: number | null }[];
}

export async function secondLayer(
  data: Dataset,
  layer1: ConvRfmOptions,
  m: Float64Array | null,
  count: number,
  seed: number,
  backend: string,
  log: (line: string) => void,
): Promise<SecondLayer> {
  const f = patchGrid(layer1.image, layer1.patch).features;
  const filters = randomFilters(m ?? identityMatrix(f), f, count, seed);
  const train = featureMaps(data.xTrain, data.nTrain, layer1.image, layer1.patch, filters, count);
  const test = featureMaps(data.xTest, data.nTest, layer1.image, layer1.patch, filters, count);
  const options: ConvRfmOptions = { ...layer1, image: train.shape };
  const grid = patchGrid(options.image, options.patch);
  checkConvRunFits({ n: data.nTrain, nTest: data.nTest, c: data.c, ...grid }, cpuBackendLimits(backend));
  const scale = Math.sqrt(
    meanSquaredPatchNorm(data.xTrain, data.nTrain, layer1) / meanSquaredPatchNorm(train.maps, data.nTrain, options),
  );
  const scaled = (maps: Float32Array) => maps.map((v) => v * scale);
  const maps: Dataset = {
    ...data,
    xTrain: scaled(train.maps),
    xTest: scaled(test.maps),
    d: train.maps.length / data.nTrain,
    featureNames: undefined,
    layout: undefined,
  };
  const label = m ? 'learned M' : 'identity (control)';
  log(`layer 2 (${count} random filters from ${label}): ${train.shape.height} x ${train.shape.width} x ${count} maps`);
  const records: ConvIterationRecord[] = [];
  for await (const record of trainConvRfm(maps, options)) {
    records.push(record);
    log(`  ${convProgressLine(record, options)}`);
  }
  return {
    filters: label,
    shape: train.shape,
    iterations: records.map((r) => ({ iteration: r.iteration, test_acc: r.testAccuracy, test_mse: r.testMse })),
  };
}
