/**
 * Deep ConvRFM's second layer for `rfm preset convrfm --set deep=F` (docs/convrfm.md): F random filters
 * w = M^(1/2) z from the first layer's final M (and, as the control, from M = I), ReLU feature maps, then
 * ConvRFM with the same patch size, kernel and updates on the F-channel maps (experiments/convExperiment.ts
 * builds them, as for the app's worker).
 */
import { checkConvRunFits } from '../core/conv/convMemory';
import { cpuBackendLimits } from '../core/memory';
import { trainConvRfm } from '../core/conv/convRfm';
import type { ConvIterationRecord, ConvRfmOptions } from '../core/conv/convTypes';
import { patchGrid } from '../core/conv/patches';
import type { Dataset } from '../core/types';
import { secondLayerData } from '../experiments/convExperiment';
import { convProgressLine } from './convReport';

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
  const { data: maps, options } = secondLayerData(data, layer1, m, count, seed);
  const grid = patchGrid(options.image, options.patch);
  checkConvRunFits({ n: data.nTrain, nTest: data.nTest, c: data.c, ...grid }, cpuBackendLimits(backend));
  const label = m ? 'learned M' : 'identity (control)';
  const { height, width } = options.image;
  log(`layer 2 (${count} random filters from ${label}): ${height} x ${width} x ${count} maps`);
  const records: ConvIterationRecord[] = [];
  for await (const record of trainConvRfm(maps, options)) {
    records.push(record);
    log(`  ${convProgressLine(record, options)}`);
  }
  return {
    filters: label,
    shape: options.image,
    iterations: records.map((r) => ({ iteration: r.iteration, test_acc: r.testAccuracy, test_mse: r.testMse })),
  };
}
