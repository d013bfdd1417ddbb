/** Builds the engine's Dataset for a run (in the worker, off the main thread), and its summary for the UI. */
import type { Dataset } from '../core';
import { datasetFromParams } from '../data/sources/registry';
import type { DataAssets } from '../data/sources/source';
import type { Params } from '../params/schema';
import type { DatasetSummary } from '../protocol/messages';

export function buildDataset(params: Params, assets: DataAssets): Promise<Dataset> {
  return datasetFromParams(params, assets);
}

export function summarizeDataset(data: Dataset): DatasetSummary {
  return {
    nTrain: data.nTrain,
    nTest: data.nTest,
    d: data.d,
    c: data.c,
    featureNames: data.featureNames ?? Array.from({ length: data.d }, (_, i) => `x${i + 1}`),
    classLabels: data.classLabels ?? null,
    layout: data.layout ?? { kind: 'vector' },
    baselines: data.baselines ?? [],
  };
}
