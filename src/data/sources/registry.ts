/**
 * The registry of data sources: the one place that maps the `data` parameter to a source (./source.ts),
 * shared by the training worker, sweeps and the CLI. What each source implies for the page (task, planned
 * size, panels, controls) is its descriptor in descriptors.ts, which stays light: these builders load lazily. Every source builds its Dataset in one pass; those
 * that read bundled packages import them lazily, so a page that never asks for digits never downloads them.
 *
 *   const data = await datasetFromParams({ ...defaultParams(), data: 'iris' });
 */
import type { Dataset } from '../../core/types';
import type { DataKind, Params } from '../../params/schema';
import { DataError } from '../errors';
import { boston } from './boston';
import { csv } from './csv';
import { digits } from './digits';
import { iris } from './iris';
import { lowrank } from './lowRank';
import { modular } from './modular';
import type { DataAssets, DataSource, TargetFunction } from './source';
import { synthetic } from './synthetic';
import { text } from './text';

export type { DataAssets, DataSource, TargetFunction } from './source';

/** One entry per value of the `data` parameter: a new source is registered by adding it here. */
export const DATA_SOURCES: Readonly<Record<DataKind, DataSource>> = {
  synthetic,
  lowrank,
  modular,
  text,
  csv,
  boston,
  iris,
  digits,
};

/** The noiseless target of the source `params` describe, where it knows one (DataSource.truth). */
export function truthFromParams(params: Params): TargetFunction | null {
  const source = Object.hasOwn(DATA_SOURCES, params.data) ? DATA_SOURCES[params.data] : undefined;
  return source?.truth?.(params) ?? null;
}

export async function datasetFromParams(params: Params, assets: DataAssets = {}): Promise<Dataset> {
  const source = Object.hasOwn(DATA_SOURCES, params.data) ? DATA_SOURCES[params.data] : undefined;
  if (!source)
    throw new DataError(`invalid data: ${String(params.data)} (one of ${Object.keys(DATA_SOURCES).join(', ')})`);
  return source.build(params, assets);
}
