/**
 * The parameter schema: every user-settable parameter with its key (used by the app, the URL and the
 * CLI's --set), default, range, and how to parse and format it. Values are normalised here, once, where
 * they enter; everything downstream trusts them. This module imports only the other parameter lists of params/.
 */

import { NN_PARAMS } from './nnParams';

interface BaseSpec<T> {
  key: string;
  label: string;
  help: string;
  defaultValue: T;
  /** Long command-line names that mean this key (e.g. `bandwidth` for `L`: `rfm fit --bandwidth 10`). */
  aliases?: readonly string[];
}

export interface NumberSpec extends BaseSpec<number> {
  kind: 'number';
  min: number;
  max: number;
  /** Sliders move on this scale (log needs min > 0). */
  scale: 'linear' | 'log';
  integer: boolean;
  /** Lowest value allowed in addition to the range (e.g. ridge 0 on a log slider). */
  allowZero?: boolean;
}

export interface EnumSpec<T extends string = string> extends BaseSpec<T> {
  kind: 'enum';
  options: readonly T[];
}

export interface BooleanSpec extends BaseSpec<boolean> {
  kind: 'boolean';
}

export interface StringSpec extends BaseSpec<string> {
  kind: 'string';
  maxLength: number;
}

/** An ordered, comma-separated list of names from `options` (e.g. the panels of an embed). */
export interface ListSpec<T extends string = string> extends BaseSpec<readonly T[]> {
  kind: 'list';
  options: readonly T[];
}

export type ParamSpec = NumberSpec | EnumSpec | BooleanSpec | StringSpec | ListSpec;

export class ParamError extends Error {
  override name = 'ParamError';
}

/** The experiments of the papers, one click each (see presets.ts); 'seed' is the default demo. */
export const PRESET_NAMES = [
  'seed',
  'scaling',
  'grokking',
  'text',
  'lowrank',
  'boston',
  'iris',
  'digits',
  'csv',
  'nfa-grokking',
  'nfa-tabular',
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Where a run's data comes from. */
export const DATA_KINDS = ['synthetic', 'lowrank', 'modular', 'text', 'csv', 'boston', 'iris', 'digits'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

const num = (s: Omit<NumberSpec, 'kind'>): NumberSpec => ({ kind: 'number', ...s });
const choice = <T extends string>(s: Omit<EnumSpec<T>, 'kind'>): EnumSpec<T> => ({ kind: 'enum', ...s });
const flag = (s: Omit<BooleanSpec, 'kind'>): BooleanSpec => ({ kind: 'boolean', ...s });

export const PARAMS = {
  preset: choice({
    key: 'preset',
    label: 'experiment',
    help: "A preset sets data, model and views for one of the papers' experiments.",
    defaultValue: 'seed',
    options: PRESET_NAMES,
  }),
  data: choice({
    key: 'data',
    label: 'data',
    help: 'Where the training data comes from.',
    defaultValue: 'synthetic',
    options: DATA_KINDS,
  }),
  expr: {
    kind: 'string',
    key: 'expr',
    label: 'target f(x)',
    help: 'The function to learn, in x1 ... xd. Operators + - * / ^ and sin cos exp log sqrt abs tanh.',
    defaultValue: '5*x1^3 + 10*x2^2 + 2*x3',
    maxLength: 500,
  } satisfies StringSpec,
  d: num({
    key: 'd',
    label: 'dimension d',
    help: 'Number of input coordinates.',
    defaultValue: 10,
    min: 1,
    max: 800,
    scale: 'linear',
    integer: true,
  }),
  n: num({
    key: 'n',
    label: 'n train',
    help: 'Training points.',
    defaultValue: 800,
    min: 10,
    max: 20000,
    scale: 'log',
    integer: true,
  }),
  ntest: num({
    key: 'ntest',
    label: 'n test',
    help: 'Held-out test points.',
    defaultValue: 500,
    // A log slider needs min > 0; 0 (no test set) is allowed besides the range.
    min: 1,
    max: 20000,
    scale: 'log',
    integer: true,
    allowZero: true,
  }),
  dist: choice({
    key: 'dist',
    label: 'inputs',
    help: 'Distribution of each input coordinate: uniform on [-1, 1] or standard normal.',
    defaultValue: 'uniform',
    options: ['normal', 'uniform'] as const,
  }),
  noise: num({
    key: 'noise',
    label: 'noise',
    help: 'Standard deviation of noise added to the training targets.',
    defaultValue: 0,
    min: 0,
    max: 100,
    scale: 'linear',
    integer: false,
  }),
  seed: num({
    key: 'seed',
    label: 'seed',
    help: 'Seeds the data and the run: the same seed gives the same result.',
    defaultValue: 1,
    min: 0,
    max: 2 ** 31 - 1,
    scale: 'linear',
    integer: true,
  }),
  kernel: choice({
    key: 'kernel',
    label: 'kernel',
    help: 'laplace: exp(-|x-z|_M/L); gaussian: exp(-|x-z|_M^2/2L^2); laplace-q: exp(-(|x-z|_M/L)^q).',
    defaultValue: 'laplace',
    options: ['laplace', 'gaussian', 'laplace-q'] as const,
  }),
  L: num({
    key: 'L',
    aliases: ['bandwidth'],
    label: 'bandwidth L',
    help: 'Kernel bandwidth.',
    defaultValue: 10,
    min: 0.01,
    max: 1000,
    scale: 'log',
    integer: false,
  }),
  q: num({
    key: 'q',
    aliases: ['exponent'],
    label: 'exponent q',
    help: 'Exponent of the laplace-q kernel, in (0, 2].',
    defaultValue: 1,
    min: 0.05,
    max: 2,
    scale: 'linear',
    integer: false,
  }),
  lambda: num({
    key: 'lambda',
    aliases: ['reg'],
    label: 'ridge λ',
    help: 'Ridge regularisation; 0 interpolates exactly.',
    defaultValue: 1e-3,
    min: 1e-8,
    max: 100,
    scale: 'log',
    integer: false,
    allowZero: true,
  }),
  iters: num({
    key: 'iters',
    label: 'iterations T',
    help: 'Number of M updates; the run makes T + 1 solves.',
    defaultValue: 5,
    min: 0,
    max: 100,
    scale: 'linear',
    integer: true,
  }),
  norm: choice({
    key: 'norm',
    label: 'M update',
    help: 'mean: G/n (RFM paper); max: G/max|G| (xRFM); sqrt: (G/n)^½ (grokking paper).',
    defaultValue: 'mean',
    options: ['mean', 'max', 'sqrt'] as const,
  }),
  diag: flag({
    key: 'diag',
    label: 'diagonal M',
    help: 'Keep only diag(G): the kernel then rescales coordinates.',
    defaultValue: false,
  }),
  center: flag({
    key: 'center',
    label: 'centre gradients',
    help: 'Subtract the mean gradient before the outer product.',
    defaultValue: false,
  }),
  val: num({
    key: 'val',
    aliases: ['val-fraction'],
    label: 'validation share',
    help: 'Share of the training points held out to find the best iteration (0: none); predictions then come from the best iteration.',
    defaultValue: 0,
    min: 0.05,
    max: 0.5,
    scale: 'linear',
    integer: false,
    allowZero: true,
  }),
  stop: flag({
    key: 'stop',
    aliases: ['early-stop'],
    label: 'early stopping',
    help: 'Stop once the validation MSE is worse than the best one x 1.1 (needs a validation share).',
    defaultValue: false,
  }),
  spectrum: num({
    key: 'spectrum',
    label: 'spectrum size k',
    help: 'How many top eigenvalues of K to compute per iteration.',
    defaultValue: 64,
    min: 1,
    max: 256,
    scale: 'linear',
    integer: true,
  }),
  sample: num({
    key: 'sample',
    label: 'AGOP sample',
    help: 'Use at most this many training points for the AGOP (0: all).',
    defaultValue: 0,
    min: 10,
    max: 100000,
    scale: 'log',
    integer: true,
    allowZero: true,
  }),
  p: num({
    key: 'p',
    label: 'modulus p',
    help: 'A prime: inputs are residues 0..p-1.',
    defaultValue: 61,
    min: 3,
    max: 199,
    scale: 'linear',
    integer: true,
  }),
  op: choice({
    key: 'op',
    label: 'operation',
    help: '(a op b) mod p; / is multiplication by the inverse.',
    defaultValue: '+',
    options: ['+', '-', '*', '/'] as const,
  }),
  frac: num({
    key: 'frac',
    label: 'training fraction',
    help: 'Share of all pairs (a, b) used for training; the rest is the test set.',
    defaultValue: 0.5,
    min: 0.05,
    max: 0.95,
    scale: 'linear',
    integer: false,
  }),
  k: num({
    key: 'k',
    label: 'context k',
    help: 'Characters of context the model sees.',
    defaultValue: 8,
    min: 1,
    max: 32,
    scale: 'linear',
    integer: true,
  }),
  corpus: choice({
    key: 'corpus',
    label: 'corpus',
    help: 'Moby Dick (bundled), or text you paste or upload.',
    defaultValue: 'moby',
    options: ['moby', 'custom'] as const,
  }),
  target: {
    kind: 'string',
    key: 'target',
    label: 'target column',
    help: 'The CSV column(s) to predict, comma-separated.',
    defaultValue: '',
    maxLength: 200,
  } satisfies StringSpec,
  task: choice({
    key: 'task',
    label: 'task',
    help: 'Regression predicts numbers; classification one-hot encodes the labels.',
    defaultValue: 'regression',
    options: ['regression', 'classification'] as const,
  }),
  std: flag({
    key: 'std',
    aliases: ['standardise'],
    label: 'standardise',
    help: 'Scale each feature to mean 0 and variance 1 (statistics of the training split).',
    defaultValue: true,
  }),
  split: num({
    key: 'split',
    label: 'test share',
    help: 'Share of rows held out for testing.',
    defaultValue: 0.2,
    min: 0.05,
    max: 0.9,
    scale: 'linear',
    integer: false,
  }),
  px: num({
    key: 'px',
    label: 'image side',
    help: 'Digits are downsampled to px x px pixels.',
    defaultValue: 14,
    min: 4,
    max: 28,
    scale: 'linear',
    integer: true,
  }),
  sweep: choice({
    key: 'sweep',
    label: 'sweep',
    help: 'A hyperparameter to sweep: one full run per value.',
    defaultValue: 'none',
    options: ['none', 'd', 'n', 'L', 'lambda', 'iters', 'noise'] as const,
  }),
  from: num({
    key: 'from',
    label: 'from',
    help: 'First value of the sweep.',
    defaultValue: 5,
    min: 0,
    max: 1e6,
    scale: 'linear',
    integer: false,
    allowZero: true,
  }),
  to: num({
    key: 'to',
    label: 'to',
    help: 'Last value of the sweep.',
    defaultValue: 100,
    min: 0,
    max: 1e6,
    scale: 'linear',
    integer: false,
    allowZero: true,
  }),
  steps: num({
    key: 'steps',
    label: 'points',
    help: 'Number of values in the sweep.',
    defaultValue: 6,
    min: 2,
    max: 30,
    scale: 'linear',
    integer: true,
  }),
  backend: choice({
    key: 'backend',
    label: 'backend',
    help: 'auto picks WebGPU on real GPU hardware, else threaded wasm.',
    defaultValue: 'auto',
    options: ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'] as const,
  }),
  ...NN_PARAMS,
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

/**
 * Parses one raw string against any spec (parameters here, view state in view.ts): the single place where
 * text from a URL, an attribute, a form field or the command line becomes a value, with the error text.
 */
export function parseSpecValue(spec: ParamSpec, raw: string): number | string | boolean | readonly string[] {
  const text = raw.trim();
  switch (spec.kind) {
    case 'number': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) throw new ParamError(`${spec.key} must be a number, not "${raw}"`);
      if (spec.integer && !Number.isInteger(value))
        throw new ParamError(`${spec.key} must be a whole number, not ${raw}`);
      if (value === 0 && spec.allowZero) return 0;
      if (value < spec.min || value > spec.max)
        throw new ParamError(
          `${spec.key} must be between ${spec.min} and ${spec.max}${spec.allowZero ? ' (or 0)' : ''}, not ${raw}`,
        );
      return value;
    }
    case 'enum':
      if (!spec.options.includes(text))
        throw new ParamError(`invalid ${spec.key}: ${raw} (one of ${spec.options.join(', ')})`);
      return text;
    case 'boolean':
      if (['1', 'true', 'yes', 'on'].includes(text)) return true;
      if (['0', 'false', 'no', 'off'].includes(text)) return false;
      throw new ParamError(`${spec.key} must be true or false, not "${raw}"`);
    case 'string':
      if (text.length > spec.maxLength) throw new ParamError(`${spec.key} is longer than ${spec.maxLength} characters`);
      return text;
    case 'list': {
      const items = text === '' ? [] : text.split(',').map((item) => item.trim());
      const unknown = items.filter((item) => !spec.options.includes(item));
      if (unknown.length)
        throw new ParamError(`invalid ${spec.key}: ${unknown.join(', ')} (choose from ${spec.options.join(', ')})`);
      return [...new Set(items)];
    }
  }
}

/** The text form of any spec's value: the inverse of parseSpecValue. */
export function formatSpecValue(value: number | string | boolean | readonly string[]): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function formatParam<K extends ParamKey>(key: K, value: Params[K]): string {
  return formatSpecValue(value);
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
  const params: Params = { ...baseOf(preset), preset };
  for (const key of PARAM_KEYS) {
    const raw = query.get(key);
    if (raw === null || key === 'preset') continue;
    try {
      (params as Record<ParamKey, unknown>)[key] = parseParam(key, raw);
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
