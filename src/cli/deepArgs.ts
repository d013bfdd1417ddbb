/**
 * The command lines of Deep RFM (docs/deeprfm.md): `rfm preset neural-collapse [--set key=value ...]` and
 * `rfm fit --deep --train FILE --target COLUMN [--depth 6 --width 256 ...]`. Values go through the schema
 * (src/params) as everywhere else; the result is one DeepCliOptions for ./deepPreset.ts.
 */
import { parseArgs } from 'node:util';
import { PRESETS } from '../params/presets';
import {
  PARAMS,
  ParamError,
  defaultParams,
  parseParam,
  type ParamKey,
  type Params,
  type PresetName,
} from '../params/schema';
import { parseAssignments } from './presetArgs';
import { NODE_BACKENDS, UsageError, choice, requiredPath, usageErrorFrom, type NodeBackend } from './usageError';

export const NEURAL_COLLAPSE = 'neural-collapse' satisfies PresetName;

export interface DeepCliOptions {
  /** 'neural-collapse' for the preset, null for rfm fit --deep. */
  preset: typeof NEURAL_COLLAPSE | null;
  params: Params;
  /** The CSV with class labels (--csv for the preset with --set data=csv, --train for fit). */
  csv: string | null;
  out: string | null;
  backend: NodeBackend;
  quiet: boolean;
}

export const DEEP_PRESET_USAGE = `Usage: rfm preset neural-collapse [--set key=value ...] [options]

Deep RFM on MNIST digits (docs/deeprfm.md): per layer, rows to unit norm, one
Laplace-RFM step (M = AGOP / n), X M^(1/2), a random ReLU layer; and the same
stack without the AGOP (M = I) as the control. Writes NC1 and NC2 of X, X M^(1/2)
and the next layer's features for every layer of both stacks, and M's eigenvalues.

Parameters (--set key=value; preset values in brackets):
  data     digits, iris or csv (a CSV with a column of class labels: --csv FILE
           --set target=COLUMN) [digits]
  n        points; digits: n / 10 images per digit [500]
  depth    layers [6]        rwidth   random layer width [512]
  L        Laplace bandwidth [2]     lambda   ridge [0.001]
  px       image side for digits [28]     seed   images and random layers [1]

Options:
  --csv FILE          the CSV for --set data=csv
  --out FILE          write the JSON here (default: standard output)
  --backend NAME      wasm (default) or cpu
  -q, --quiet         no progress lines on standard error
`;

export const DEEP_FIT_USAGE = `Usage: rfm fit --deep --train FILE --target COLUMN [options]

Deep RFM and its control (M = I) on a CSV with a column of class labels; writes
the same JSON as rfm preset neural-collapse.

Options:
  --depth N           layers [6]
  --width N           random layer width [512]
  --bandwidth L       Laplace bandwidth [2]
  --reg LAMBDA        ridge [0.001]
  --seed N            the random layers [1]
  --n N               use at most N rows [all, up to ${PARAMS.n.max}]
  --out FILE, --backend NAME, -q/--quiet as for rfm fit
`;

const COMMON = {
  out: { type: 'string' },
  backend: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Parsed = { kind: 'help'; topic: 'deep-preset' | 'deep-fit' } | { kind: 'deep'; options: DeepCliOptions };

/** `rfm preset neural-collapse ...` (argv after the preset's name). */
export function parseDeepPreset(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...COMMON, set: { type: 'string', multiple: true }, csv: { type: 'string' } },
      strict: true,
    });
  } catch (error) {
    throw usageErrorFrom(error, 'deep-preset');
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'deep-preset' };
  const params: Params = {
    ...defaultParams(),
    ...PRESETS[NEURAL_COLLAPSE].params,
    ...parseAssignments(v.set ?? [], 'deep-preset'),
  };
  return {
    kind: 'deep',
    options: {
      preset: NEURAL_COLLAPSE,
      params,
      csv: v.csv === undefined ? null : requiredPath('csv', v.csv, 'deep-preset'),
      out: v.out === undefined ? null : requiredPath('out', v.out, 'deep-preset'),
      backend: choice('backend', v.backend, NODE_BACKENDS, 'wasm', 'deep-preset'),
      quiet: v.quiet ?? false,
    },
  };
}

/** Flag -> schema key of rfm fit --deep. */
const FIT_KEYS: Record<string, ParamKey> = {
  depth: 'depth',
  width: 'rwidth',
  bandwidth: 'L',
  reg: 'lambda',
  seed: 'seed',
  n: 'n',
};

/** `rfm fit --deep ...` (argv after fit, --deep included). */
export function parseDeepFit(argv: string[]): Parsed {
  let parsed;
  const flags = {
    ...COMMON,
    deep: { type: 'boolean' },
    train: { type: 'string' },
    target: { type: 'string' },
    ...Object.fromEntries(Object.keys(FIT_KEYS).map((flag) => [flag, { type: 'string' } as const])),
  } as const;
  try {
    parsed = parseArgs({ args: argv, options: flags, strict: true });
  } catch (error) {
    throw usageErrorFrom(error, 'deep-fit');
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return { kind: 'help', topic: 'deep-fit' };
  const params: Params = { ...defaultParams(), ...PRESETS[NEURAL_COLLAPSE].params, data: 'csv', n: PARAMS.n.max };
  for (const [flag, key] of Object.entries(FIT_KEYS)) {
    const value = v[flag];
    if (typeof value !== 'string') continue;
    try {
      (params as Record<ParamKey, unknown>)[key] = parseParam(key, value);
    } catch (error) {
      if (error instanceof ParamError) throw new UsageError(`--${flag}: ${error.message}`, 'deep-fit');
      throw error;
    }
  }
  const target = typeof v.target === 'string' ? v.target.trim() : '';
  if (target === '') throw new UsageError('--target COLUMN is required (the column of class labels)', 'deep-fit');
  params.target = target;
  const text = (flag: string) => (typeof v[flag] === 'string' ? (v[flag] as string) : undefined);
  return {
    kind: 'deep',
    options: {
      preset: null,
      params,
      csv: requiredPath('train', text('train'), 'deep-fit'),
      out: text('out') === undefined ? null : requiredPath('out', text('out'), 'deep-fit'),
      backend: choice('backend', text('backend'), NODE_BACKENDS, 'wasm', 'deep-fit'),
      quiet: v.quiet === true,
    },
  };
}
