/** Turns a DatasetSource into the engine's Dataset (in the worker, off the main thread). */
import type { Dataset } from '../core';
import { makeRegressionDataset } from '../data/synthetic';
import type { DatasetSource, DatasetSummary } from '../protocol/messages';

export function buildDataset(source: DatasetSource): Dataset {
  switch (source.kind) {
    case 'synthetic':
      return makeRegressionDataset(source);
    case 'arrays':
      return source.dataset;
  }
}

export function summarizeDataset(data: Dataset): DatasetSummary {
  return {
    nTrain: data.nTrain,
    nTest: data.nTest,
    d: data.d,
    c: data.c,
    featureNames: data.featureNames ?? Array.from({ length: data.d }, (_, i) => `x${i + 1}`),
  };
}
