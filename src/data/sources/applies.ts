/**
 * Which parameters matter for a run, asked of its data source's descriptor (descriptors.ts, `reads`): every
 * key outside the data groups does; a data key only when the run's source reads it. A run's exports (the JSON,
 * the command line) name only these. `seed` also seeds the run, so it always applies.
 */
import { DATA_PARAMS } from '../../params/dataParams';
import type { ParamKey, Params } from '../../params/schema';
import { SOURCE_PARAMS } from '../../params/sourceParams';
import { sourceOf } from './descriptors';

/** The data-shaping keys (the data and source groups, less preset, data and seed). */
const DATA_SHAPING = new Set(
  [...Object.keys(DATA_PARAMS), ...Object.keys(SOURCE_PARAMS)].filter(
    (key) => key !== 'preset' && key !== 'data' && key !== 'seed',
  ),
);

/** Whether `key` matters for a run on `params.data`. */
export function paramApplies(key: ParamKey, params: Pick<Params, 'data'>): boolean {
  return !DATA_SHAPING.has(key) || sourceOf(params.data).reads.includes(key);
}

/** `params` without the data keys its data source never reads. */
export function appliedParams(params: Params): Partial<Params> {
  return Object.fromEntries(
    Object.entries(params).filter(([key]) => paramApplies(key as ParamKey, params)),
  ) as Partial<Params>;
}
