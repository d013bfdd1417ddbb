/**
 * The parameter schema: every user-settable parameter with its key (used by the app, the URL and the
 * CLI's --set and rfm fit's flags), default, range, and how to parse and format it. Values are normalised
 * here, once, where they enter; everything downstream trusts them. The parameters are listed by group in
 * ./dataParams.ts, ./modelParams.ts, ./sourceParams.ts, ./runParams.ts, ./nnParams.ts,
 * ./linrfmParams.ts, ./deepParams.ts, ./convParams.ts, ./catapultParams.ts and ./treeParams.ts; the spec kinds and the parser are ./specs.ts. This module imports only those.
 */
import { CONV_PARAMS } from './convParams';
import { CATAPULT_PARAMS } from './catapultParams';
import { DATA_PARAMS, type PresetName } from './dataParams';
import { DEEP_PARAMS, FAMILY_DATA_CHOICES, MODEL_FAMILY, modelSwitchAllowed } from './deepParams';
import { LINRFM_KERNEL_FAMILY, LINRFM_PARAMS } from './linrfmParams';
import { MODEL_PARAMS } from './modelParams';
import { NN_PARAMS } from './nnParams';
import { RUN_PARAMS } from './runParams';
import { SOURCE_PARAMS } from './sourceParams';
import { TREE_PARAMS } from './treeParams';
import {
  parseSpecValue,
  formatSpecValue,
  shownRaw,
  type BooleanSpec,
  type EnumSpec,
  type ListSpec,
  type NumberSpec,
  type ParamSpec,
} from './specs';

export { DATA_KINDS, PRESET_NAMES, type DataKind, type PresetName } from './dataParams';
export {
  ParamError,
  formatSpecValue,
  parseSpecValue,
  type BooleanSpec,
  type EnumSpec,
  type ListSpec,
  type NumberSpec,
  type ParamSpec,
  type StringSpec,
} from './specs';

export const PARAMS = {
  ...DATA_PARAMS,
  ...MODEL_PARAMS,
  ...SOURCE_PARAMS,
  ...RUN_PARAMS,
  ...NN_PARAMS,
  ...LINRFM_PARAMS,
  ...DEEP_PARAMS,
  ...CONV_PARAMS,
  ...CATAPULT_PARAMS,
  ...TREE_PARAMS,
} as const;

export type ParamKey = keyof typeof PARAMS;
export type ValueOf<S> =
  S extends EnumSpec<infer T>
    ? T
    : S extends ListSpec<infer T>
      ? readonly T[]
      : S extends NumberSpec
        ? number
        : S extends BooleanSpec
          ? boolean
          : string;
export type Params = { -readonly [K in ParamKey]: ValueOf<(typeof PARAMS)[K]> };

export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

export function defaultParams(): Params {
  return Object.fromEntries(PARAM_KEYS.map((k) => [k, PARAMS[k].defaultValue])) as Params;
}

/** Parses a raw string for parameter `key`; throws ParamError with a sentence a person can act on. */
export function parseParam<K extends ParamKey>(key: K, raw: string): Params[K] {
  const spec: ParamSpec = PARAMS[key];
  return parseSpecValue(spec, raw) as Params[K];
}

export function formatParam<K extends ParamKey>(key: K, value: Params[K]): string {
  return formatSpecValue(value);
}

/**
 * Keys a preset fixes: a link cannot change them without contradicting the preset's caption and views
 * (`?preset=iris&data=text` would train on Moby Dick under the Iris caption), so such a value is refused.
 */
const PRESET_FIXED_KEYS: readonly ParamKey[] = ['data'];

/** Parameters only one data source reads: with any other, a link's value would ride along unused. */
const USED_ONLY_WITH: Partial<Record<ParamKey, Params['data']>> = {
  target: 'csv',
  px: 'digits',
  corpus: 'text',
  p: 'modular',
  op: 'modular',
  frac: 'modular',
  // The digits' side is px; an image shape is for a CSV's columns.
  shape: 'csv',
};

/**
 * Why a value for `key` does not belong with the preset whose parameters are `base` (a sentence ending in
 * "ignored"), or null when it does: a key the preset fixes, lin-RFM switched on or off against the preset,
 * or a parameter the preset's data never reads. The app's links, the CLI's --set and imported runs use it.
 */
export function presetConflict<K extends ParamKey>(key: K, value: Params[K], base: Params): string | null {
  const shown = shownRaw(formatParam(key, value));
  const family = MODEL_FAMILY[base.model];
  // Deep RFM's preset may swap its data for another set with class labels (deepParams.ts).
  const choices = FAMILY_DATA_CHOICES[family] as readonly unknown[];
  const chosen = key === 'data' && choices.includes(value) && choices.includes(base.data);
  if (PRESET_FIXED_KEYS.includes(key) && value !== base[key] && !chosen)
    return `${key}=${shown} contradicts the ${base.preset} preset (its ${key} is ${formatParam(key, base[key])}): ignored`;
  if (key === 'linrfm' && LINRFM_KERNEL_FAMILY[value as Params['linrfm']] !== LINRFM_KERNEL_FAMILY[base.linrfm])
    return `${key}=${shown} contradicts the ${base.preset} preset (${LINRFM_KERNEL_FAMILY[base.linrfm] === 'kernel RFM' ? 'a kernel RFM, not a lin-RFM problem' : `lin-RFM ${base.linrfm}`}): ignored`;
  if (key === 'model' && !modelSwitchAllowed(base.model, value as Params['model'], base.data))
    return `${key}=${shown} contradicts the ${base.preset} preset (a ${family}${family === 'ConvRFM' ? ' run' : `, not a ${MODEL_FAMILY[value as Params['model']]}`}): ignored`;
  const source = USED_ONLY_WITH[key];
  if (source !== undefined && base.data !== source && !choices.includes(source) && value !== base[key])
    return `${key}=${shown} is not used by the ${base.preset} preset (only with data=${source}): ignored`;
  return null;
}

/**
 * Reads parameters from URL search params (or any key/value source): the preset first, whose values are
 * the base, then every other key over it. Unknown keys are ignored and invalid values keep the base
 * value; each problem is reported so the UI can say so.
 */
export function paramsFromQuery(
  query: URLSearchParams,
  baseOf: (preset: PresetName) => Params = () => defaultParams(),
): { params: Params; problems: string[] } {
  const problems: string[] = [];
  let preset: PresetName = PARAMS.preset.defaultValue;
  const rawPreset = query.get('preset');
  if (rawPreset !== null) {
    try {
      preset = parseParam('preset', rawPreset);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const base = baseOf(preset);
  const params: Params = { ...base, preset };
  for (const key of PARAM_KEYS) {
    const raw = query.get(key);
    if (raw === null || key === 'preset') continue;
    try {
      const value = parseParam(key, raw);
      const conflict = presetConflict(key, value, base);
      if (conflict !== null) {
        problems.push(conflict);
        continue;
      }
      (params as Record<ParamKey, unknown>)[key] = value;
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { params, problems };
}

/** The query string: the preset, then the parameters that differ from the preset's values. */
export function queryFromParams(
  params: Params,
  baseOf: (preset: PresetName) => Params = () => defaultParams(),
): URLSearchParams {
  const query = new URLSearchParams();
  const base = baseOf(params.preset);
  if (params.preset !== PARAMS.preset.defaultValue) query.set('preset', params.preset);
  for (const key of PARAM_KEYS) {
    if (key !== 'preset' && params[key] !== base[key]) query.set(key, formatParam(key, params[key]));
  }
  return query;
}
