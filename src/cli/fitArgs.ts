/**
 * `rfm fit`'s command line: `rfm fit --train a.csv --target y ...` becomes a FitOptions with a complete
 * RfmOptions, or a UsageError saying which option is wrong and why. The data and model options are schema
 * keys (src/params), each also under its long aliases, so names, ranges, defaults and error texts are the
 * app's; node's util.parseArgs does the tokenising.
 */
import { parseArgs } from 'node:util';
import type { RfmOptions } from '../core/types';
import type { CsvTask } from '../data/table/fromTables';
import { optionsFromParams } from '../experiments/options';
import { parseImageShape, type ImageShapeValue } from '../params/convParams';
import {
  PARAMS,
  ParamError,
  defaultParams,
  formatParam,
  parseParam,
  type ParamKey,
  type ParamSpec,
  type Params,
} from '../params/schema';
import { rejectRepeatedFlags } from './repeatedFlags';
import { NODE_BACKENDS, UsageError, choice, requiredPath, usageErrorFrom, type NodeBackend } from './usageError';

export interface FitOptions {
  train: string;
  test: string | null;
  /** Target column names, at least one. */
  targets: string[];
  task: CsvTask;
  /** Where the JSON goes; null: standard output. */
  out: string | null;
  backend: NodeBackend;
  /** No per-iteration progress on stderr. */
  quiet: boolean;
  /** Scale each feature to mean 0 and variance 1 with the training file's statistics (--standardise). */
  standardise: boolean;
  rfm: RfmOptions;
  /** Most training rows per leaf: more rows train as an AGOP tree of RFMs (docs/trees.md); 0: one kernel. */
  leaf: number;
  /** Set by --image-shape: the rows are images and ConvRFM trains on q x q patches (docs/convrfm.md). */
  conv: { image: ImageShapeValue; patch: number } | null;
}

export const FIT_USAGE = (): string => `Usage: rfm fit --train train.csv --target y [options]

Fits an RFM and writes JSON with one record per iteration (iteration 0 is the
plain kernel machine, M = I). Progress goes to standard error.

Data:
  --train FILE        training CSV: a header row, then numbers (required)
  --test FILE         test CSV with the same columns (optional)
  --target COLS       target column(s), comma-separated (required)
${keysUsage(FIT_DATA_KEYS)}

  The files are read and checked as the app reads an uploaded CSV. With
  classification, one target column of class labels (integers or text, e.g.
  cat, dog) is one-hot encoded; several target columns are taken as one-hot.

Model (the app's parameter names and ranges; defaults in brackets):
${keysUsage(FIT_MODEL_KEYS)}

Images (ConvRFM, docs/convrfm.md):
${keysUsage(FIT_IMAGE_KEYS)}
  With --image-shape the columns other than the target are the pixels (row-
  major, channels last), the task defaults to classification, and the kernel
  is gaussian or laplace (L is per patch: about 1 for pixels in [0, 1]).
Run:
  --backend NAME      wasm or cpu [wasm]
  --out FILE          write the JSON here (default: standard output)
  -q, --quiet         no progress lines
  -h, --help          show this help

Example:
  rfm fit --train train.csv --test test.csv --target y --kernel laplace \\
      --bandwidth 10 --reg 1e-3 --iters 5 --norm mean --out result.json
  rfm fit --train imgs.csv --test imgs_test.csv --target label \\
      --image-shape 14x14 --patch 3 --kernel gaussian --bandwidth 1 --iters 3
`;

/**
 * The data and model options of `rfm fit`: schema keys, each also under its long aliases (--bandwidth for L,
 * --reg for lambda, --val-fraction for val, --standardise for std). Names, ranges, defaults and error texts
 * all come from the schema.
 */
const FIT_DATA_KEYS = ['task', 'std'] as const satisfies readonly ParamKey[];
const FIT_MODEL_KEYS = [
  'kernel',
  'L',
  'q',
  'lambda',
  'iters',
  'norm',
  'diag',
  'center',
  'sample',
  'spectrum',
  'seed',
  'val',
  'stop',
  'leaf',
] as const satisfies readonly ParamKey[];

/** ConvRFM's options (docs/convrfm.md). */
const FIT_IMAGE_KEYS = ['shape', 'patch'] as const satisfies readonly ParamKey[];

/** `rfm fit` keeps its features as they are unless --standardise is given (the app standardises CSVs). */
const FIT_DEFAULTS: Partial<Params> = { std: false };

function flagNamesOf(key: ParamKey): string[] {
  return [key, ...((PARAMS[key] as ParamSpec).aliases ?? [])];
}

/** Every flag name of a schema option -> its schema key. */
const MODEL_FLAG_KEYS: Record<string, ParamKey> = Object.fromEntries(
  [...FIT_DATA_KEYS, ...FIT_MODEL_KEYS, ...FIT_IMAGE_KEYS].flatMap((key) =>
    flagNamesOf(key).map((flag) => [flag, key]),
  ),
);

const FIT_FLAGS = {
  train: { type: 'string' },
  test: { type: 'string' },
  target: { type: 'string' },
  backend: { type: 'string' },
  out: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(
    Object.entries(MODEL_FLAG_KEYS).map(([flag, key]) => [
      flag,
      { type: PARAMS[key].kind === 'boolean' ? 'boolean' : 'string' } as const,
    ]),
  ),
} as Record<string, { type: 'string' | 'boolean'; short?: string }>;

function keysUsage(keys: readonly ParamKey[]): string {
  const defaults = { ...defaultParams(), ...FIT_DEFAULTS };
  return keys
    .map((key) => {
      const spec = PARAMS[key];
      const names = flagNamesOf(key)
        .reverse()
        .map((f) => `--${f}`)
        .join(', ');
      const value = spec.kind === 'boolean' ? '' : ' VALUE';
      const range =
        spec.kind === 'number'
          ? ` (${spec.min} to ${spec.max}${spec.allowZero ? ', or 0' : ''})`
          : spec.kind === 'enum'
            ? ` (${spec.options.join(', ')})`
            : '';
      const fallback = ` [${spec.kind === 'boolean' ? (defaults[key] ? 'on' : 'off') : formatParam(key, defaults[key])}]`;
      return `  ${names}${value}\n      ${spec.help}${range}${fallback}`;
    })
    .join('\n');
}

/**
 * `--bandwidth -1` would make parseArgs complain that the value is ambiguous; join such negative numbers to
 * their flag so that the range check below gives the real reason.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const flag = arg.startsWith('--') ? arg.slice(2) : null;
    if (
      flag &&
      Object.hasOwn(FIT_FLAGS, flag) &&
      FIT_FLAGS[flag]!.type === 'string' &&
      next !== undefined &&
      /^-[\d.]/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function parseTargets(value: string | undefined): string[] {
  if (value === undefined)
    throw new UsageError('--target is required (the name of the target column, or several comma-separated)', 'fit');
  const targets = value.split(',').map((t) => t.trim());
  if (targets.some((t) => t === '')) throw new UsageError(`invalid --target "${value}": empty column name`, 'fit');
  return targets;
}

export function parseFit(argv: string[]): { kind: 'help'; topic: 'fit' } | { kind: 'fit'; options: FitOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      options: FIT_FLAGS,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw usageErrorFrom(error, 'fit');
  }
  rejectRepeatedFlags(parsed.tokens, new Set(), 'fit', (name) => MODEL_FLAG_KEYS[name] ?? name);
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const text = (flag: string): string | undefined => {
    const value = v[flag];
    return typeof value === 'string' ? value : undefined;
  };
  if (v.help) return { kind: 'help', topic: 'fit' };
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, 'fit');

  const params: Params = { ...defaultParams(), ...FIT_DEFAULTS };
  for (const [flag, key] of Object.entries(MODEL_FLAG_KEYS)) {
    const value = v[flag];
    if (value === undefined) continue;
    if (typeof value === 'boolean') (params as Record<ParamKey, unknown>)[key] = value;
    else {
      try {
        (params as Record<ParamKey, unknown>)[key] = parseParam(key, value);
      } catch (error) {
        if (error instanceof ParamError) throw new UsageError(`--${flag}: ${error.message}`, 'fit');
        throw error;
      }
    }
  }
  if ((v.q ?? v.exponent) !== undefined && params.kernel !== 'laplace-q')
    throw new UsageError(`--exponent applies only to --kernel laplace-q (the kernel is ${params.kernel})`, 'fit');
  if (params.stop && params.val === 0)
    throw new UsageError('--early-stop needs a validation split (--val-fraction, e.g. 0.2)', 'fit');
  const conv = convOptions(params, v);
  const rfm = optionsFromParams(params);
  const out = text('out') === undefined ? null : requiredPath('out', text('out'), 'fit');
  return {
    kind: 'fit',
    options: {
      train: requiredPath('train', text('train'), 'fit'),
      test: text('test') === undefined ? null : requiredPath('test', text('test'), 'fit'),
      targets: parseTargets(text('target')),
      task: conv && v.task === undefined ? 'classification' : params.task,
      out,
      backend: choice('backend', text('backend'), NODE_BACKENDS, 'wasm', 'fit'),
      quiet: v.quiet === true,
      standardise: params.std,
      rfm,
      leaf: params.leaf,
      conv,
    },
  };
}

/** --image-shape and --patch, checked against each other and the kernel. */
function convOptions(params: Params, v: Record<string, unknown>): FitOptions['conv'] {
  let image: ImageShapeValue | null;
  try {
    image = parseImageShape(params.shape);
  } catch (error) {
    if (error instanceof ParamError) throw new UsageError(`--image-shape: ${error.message}`, 'fit');
    throw error;
  }
  if (!image) {
    if (v.patch !== undefined) throw new UsageError('--patch applies only with --image-shape (ConvRFM)', 'fit');
    return null;
  }
  if (params.kernel === 'laplace-q')
    throw new UsageError('ConvRFM takes --kernel gaussian or laplace, not laplace-q', 'fit');
  if (params.patch > Math.min(image.height, image.width))
    throw new UsageError(`--patch ${params.patch} is larger than the ${image.height} x ${image.width} image`, 'fit');
  return { image, patch: params.patch };
}
