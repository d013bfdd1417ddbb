/**
 * The one interface every data source implements (like d3's curve/ folder: interchangeable strategies,
 * one file each). A source turns the run's parameters, and whatever the user brought (an uploaded CSV,
 * pasted text), into the engine's Dataset in one pass. Sources are registered by the value of the `data`
 * parameter in ./index.ts; adding one is a file here and one line there (plus its name in the schema).
 */
import type { Dataset } from '../../core/types';
import type { Params } from '../../params/schema';
import type { TabularOptions } from '../table/tableDataset';

/** Inputs that are not parameters: files the user uploaded or text they pasted. */
export interface DataAssets {
  csv?: { name: string; text: string };
  /** The corpus when params.corpus is 'custom'. */
  text?: string;
}

export interface DataSource {
  /** Builds the data set `params` describe. Bad input throws a DataError with a message for the user. */
  build(params: Params, assets: DataAssets): Promise<Dataset>;
}

/** The tabular options (target, task, standardisation, test share) as the parameters set them. */
export function tabularOptions(params: Params): TabularOptions {
  return {
    target: params.target,
    task: params.task,
    standardise: params.std,
    testShare: params.split,
    seed: params.seed,
  };
}
