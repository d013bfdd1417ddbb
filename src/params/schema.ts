/**
 * The parameter schema: every user-settable parameter with its key (used by the app, the URL and the
 * CLI's --set), default, range, and how to parse and format it. Values are normalised here, once, where
 * they enter; everything downstream trusts them. This module imports nothing.
 */

interface BaseSpec<T> {
  key: string;
  label: string;
  help: string;
  defaultValue: T;
}

export interface NumberSpec extends BaseSpec<number> {
  kind: 'number';
  min: number;
  max: number;
  /** Sliders move on this scale. */
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

export type ParamSpec = NumberSpec | EnumSpec | BooleanSpec | StringSpec;

export class ParamError extends Error {
  override name = 'ParamError';
}

const num = (s: Omit<NumberSpec, 'kind'>): NumberSpec => ({ kind: 'number', ...s });
const choice = <T extends string>(s: Omit<EnumSpec<T>, 'kind'>): EnumSpec<T> => ({ kind: 'enum', ...s });
const flag = (s: Omit<BooleanSpec, 'kind'>): BooleanSpec => ({ kind: 'boolean', ...s });

export const PARAMS = {
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
    min: 0,
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
  backend: choice({
    key: 'backend',
    label: 'backend',
    help: 'auto picks WebGPU on real GPU hardware, else threaded wasm.',
    defaultValue: 'auto',
    options: ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'] as const,
  }),
} as const;

export type ParamKey = keyof typeof PARAMS;
type ValueOf<S> =
  S extends EnumSpec<infer T> ? T : S extends NumberSpec ? number : S extends BooleanSpec ? boolean : string;
export type Params = { -readonly [K in ParamKey]: ValueOf<(typeof PARAMS)[K]> };

export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

export function defaultParams(): Params {
  return Object.fromEntries(PARAM_KEYS.map((k) => [k, PARAMS[k].defaultValue])) as Params;
}

/** Parses a raw string for parameter `key`; throws ParamError with a sentence a person can act on. */
export function parseParam<K extends ParamKey>(key: K, raw: string): Params[K] {
  const spec: ParamSpec = PARAMS[key];
  return normaliseParam(spec, raw) as Params[K];
}

function normaliseParam(spec: ParamSpec, raw: string): number | string | boolean {
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
  }
}

export function formatParam<K extends ParamKey>(key: K, value: Params[K]): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

/**
 * Reads parameters from URL search params (or any key/value source). Unknown keys are ignored and
 * invalid values keep their defaults; each problem is reported so the UI can say so.
 */
export function paramsFromQuery(
  query: URLSearchParams,
  base: Params = defaultParams(),
): { params: Params; problems: string[] } {
  const params = { ...base };
  const problems: string[] = [];
  for (const key of PARAM_KEYS) {
    const raw = query.get(key);
    if (raw === null) continue;
    try {
      (params as Record<ParamKey, unknown>)[key] = parseParam(key, raw);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { params, problems };
}

/** The query string for the parameters that differ from their defaults. */
export function queryFromParams(params: Params): URLSearchParams {
  const query = new URLSearchParams();
  const defaults = defaultParams();
  for (const key of PARAM_KEYS) {
    if (params[key] !== defaults[key]) query.set(key, formatParam(key, params[key]));
  }
  return query;
}
