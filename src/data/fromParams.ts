/**
 * Builds the Dataset a set of parameters describes: the one place that maps `params.data` to a
 * generator or loader, shared by the training worker and the CLI. Loaders of bundled data sets are
 * imported lazily, so a page that never asks for digits never downloads them.
 */
import type { Dataset } from '../core/types';
import type { Params } from '../params/schema';
import { DataError } from './errors';
import { makeModularDataset } from './modular';
import { makeLowRankDataset, makeRegressionDataset } from './synthetic';

/** Inputs that are not parameters: files the user uploaded or text they pasted. */
export interface DataAssets {
  csv?: { name: string; text: string };
  /** The corpus when params.corpus is 'custom'. */
  text?: string;
}

export async function datasetFromParams(params: Params, assets: DataAssets = {}): Promise<Dataset> {
  switch (params.data) {
    case 'synthetic':
      return makeRegressionDataset({
        expression: params.expr,
        d: params.d,
        nTrain: params.n,
        nTest: params.ntest,
        distribution: params.dist,
        noise: params.noise,
        seed: params.seed,
      });
    case 'lowrank':
      return makeLowRankDataset({ d: params.d, nTrain: params.n, nTest: params.ntest, seed: params.seed });
    case 'modular':
      return makeModularDataset({ p: params.p, op: params.op, trainFraction: params.frac, seed: params.seed });
    case 'text': {
      const { loadCorpus, makeTextDataset } = await import('./text');
      const text = params.corpus === 'custom' ? assets.text : await loadCorpus(params.corpus);
      if (!text) throw new DataError('No text to learn from: paste or upload a text first.');
      return makeTextDataset({ text, k: params.k, nTrain: params.n, nTest: params.ntest, seed: params.seed });
    }
    case 'csv': {
      if (!assets.csv) throw new DataError('No CSV file yet: upload one to train on it.');
      const { datasetFromCsvText } = await import('./tabular');
      return datasetFromCsvText(assets.csv.name, assets.csv.text, tabularOptions(params));
    }
    case 'boston':
    case 'iris':
    case 'digits': {
      const { loadBuiltinDataset } = await import('./tabular');
      return loadBuiltinDataset(params.data, {
        ...tabularOptions(params),
        px: params.px,
        nTrain: params.n,
        nTest: params.ntest,
      });
    }
  }
}

export interface TabularOptions {
  /** Target column(s), comma-separated; '' picks the data set's natural target (the last column for a CSV). */
  target: string;
  task: 'regression' | 'classification';
  /** Standardise features with the training split's mean and standard deviation. */
  standardise: boolean;
  /** Share of rows held out for testing. */
  testShare: number;
  seed: number;
}

function tabularOptions(params: Params): TabularOptions {
  return {
    target: params.target,
    task: params.task,
    standardise: params.std,
    testShare: params.split,
    seed: params.seed,
  };
}
