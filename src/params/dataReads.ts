/**
 * Which data parameters each data source reads (src/data/sources/*: the keys its build() looks at). A
 * run's exports name only these: a CSV run's JSON and command line carry no synthetic target (expr, d, n)
 * that never shaped its data. `seed` also seeds the run, so it always applies.
 */
import { DATA_PARAMS, type DataKind } from './dataParams';
import type { ParamKey, Params } from './schema';
import { SOURCE_PARAMS } from './sourceParams';

const TABULAR: readonly ParamKey[] = ['target', 'task', 'std', 'split'];

export const DATA_READS: { readonly [K in DataKind]: readonly ParamKey[] } = {
  synthetic: ['expr', 'd', 'n', 'ntest', 'dist', 'noise'],
  lowrank: ['d', 'n', 'ntest'],
  modular: ['p', 'op', 'frac'],
  text: ['corpus', 'k', 'n', 'ntest'],
  csv: TABULAR,
  boston: TABULAR,
  iris: TABULAR,
  digits: ['n', 'ntest', 'px', 'std', 'task'],
};

/** The data-shaping keys (the data and source groups, less preset, data and seed). */
const DATA_SHAPING = [...Object.keys(DATA_PARAMS), ...Object.keys(SOURCE_PARAMS)].filter(
  (key) => key !== 'preset' && key !== 'data' && key !== 'seed',
) as ParamKey[];

/** Whether `key` matters for a run on `params.data`: every key outside the data groups does. */
export function paramApplies(key: ParamKey, params: Pick<Params, 'data'>): boolean {
  return !DATA_SHAPING.includes(key) || DATA_READS[params.data].includes(key);
}

/** `params` without the data keys its data source never reads. */
export function appliedParams(params: Params): Partial<Params> {
  return Object.fromEntries(
    Object.entries(params).filter(([key]) => paramApplies(key as ParamKey, params)),
  ) as Partial<Params>;
}
