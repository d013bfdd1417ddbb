/**
 * The command line, parsed and normalised once: `rfm fit --train a.csv --target y ...` becomes a FitOptions
 * with a complete RfmOptions, or a UsageError whose message says which option is wrong and why.
 * node's util.parseArgs does the tokenising; every value is checked here, so nothing downstream re-validates.
 */
import { parseArgs } from 'node:util';
import type { RfmOptions } from '../core/types';
import type { CsvTask } from '../data/table/fromTables';
import { optionsFromParams } from '../experiments/options';
import {
  PARAMS,
  PARAM_KEYS,
  PRESET_NAMES,
  ParamError,
  defaultParams,
  formatParam,
  parseParam,
  type ParamKey,
  type ParamSpec,
  type Params,
  type PresetName,
} from '../params/schema';

/** A mistake in the command line itself (exit code 2). */
export class UsageError extends Error {
  /** The help topic to point the user at. */
  readonly topic: HelpTopic;
  constructor(message: string, topic: HelpTopic = 'main') {
    super(message);
    this.name = 'UsageError';
    this.topic = topic;
  }
}

export type HelpTopic = 'main' | 'fit' | 'preset';

/** tfjs backends the CLI can run on in Node. */
export type NodeBackend = 'wasm' | 'cpu';
export const NODE_BACKENDS: readonly NodeBackend[] = ['wasm', 'cpu'];

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
}

export interface PresetOptions {
  preset: PresetName;
  /** Parameter values from --set key=value, parsed by the schema the app and its URL use. */
  set: Partial<Params>;
  /** A CSV file for the csv preset, a text file for text with corpus=custom. */
  csv: string | null;
  text: string | null;
  out: string | null;
  backend: NodeBackend;
  quiet: boolean;
}

export type Command =
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'fit'; options: FitOptions }
  | { kind: 'preset'; options: PresetOptions };

const TASKS: readonly CsvTask[] = ['regression', 'classification'];

export const MAIN_USAGE = `Usage: rfm <command> [options]

Train Recursive Feature Machines from the command line.

Commands:
  fit      fit an RFM to CSV data and write every iteration as JSON
  preset   run one of the papers' experiments by name (rfm preset --help)

Options:
  -h, --help   show this help (rfm fit --help for the options of fit)
`;

export const FIT_USAGE = (): string => `Usage: rfm fit --train train.csv --target y [options]

Fits an RFM and writes JSON with one record per iteration (iteration 0 is the
plain kernel machine, M = I). Progress goes to standard error.

Data:
  --train FILE        training CSV: a header row, then numbers (required)
  --test FILE         test CSV with the same columns (optional)
  --target COLS       target column(s), comma-separated (required)
  --task TASK         regression (default) or classification; one column of
                      integer labels is one-hot encoded, several columns are
                      taken as one-hot already

Model (the app's parameter names and ranges; defaults in brackets):
${modelUsage()}
Run:
  --backend NAME      wasm or cpu [wasm]
  --out FILE          write the JSON here (default: standard output)
  -q, --quiet         no progress lines
  -h, --help          show this help

Example:
  rfm fit --train train.csv --test test.csv --target y --kernel laplace \\
      --bandwidth 10 --reg 1e-3 --iters 5 --norm mean --out result.json
`;

/**
 * The model options of `rfm fit`: schema keys, each also under its long aliases (--bandwidth for L, --reg for
 * lambda, --val-fraction for val). Names, ranges, defaults and error texts all come from the schema.
 */
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
  'std',
  'val',
  'stop',
] as const satisfies readonly ParamKey[];

/** `rfm fit` keeps its features as they are unless --standardise is given (the app standardises CSVs). */
const FIT_DEFAULTS: Partial<Params> = { std: false };

function flagNamesOf(key: ParamKey): string[] {
  return [key, ...((PARAMS[key] as ParamSpec).aliases ?? [])];
}

/** Every flag name of a model option -> its schema key. */
const MODEL_FLAG_KEYS: Record<string, ParamKey> = Object.fromEntries(
  FIT_MODEL_KEYS.flatMap((key) => flagNamesOf(key).map((flag) => [flag, key])),
);

const FIT_FLAGS = {
  train: { type: 'string' },
  test: { type: 'string' },
  target: { type: 'string' },
  task: { type: 'string' },
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

function modelUsage(): string {
  const defaults = { ...defaultParams(), ...FIT_DEFAULTS };
  return FIT_MODEL_KEYS.map((key) => {
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
    const fallback = spec.kind === 'boolean' ? '' : ` [${formatParam(key, defaults[key])}]`;
    return `  ${names}${value}\n      ${spec.help}${range}${fallback}`;
  }).join('\n');
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

/** parseArgs' own messages, made short and without the hints about positionals. */
function usageErrorFrom(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option}`, 'fit');
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message))
      return new UsageError(`${option} is a switch and takes no value`, 'fit');
    if (/argument missing/.test(message)) return new UsageError(`${option} needs a value`, 'fit');
  }
  return new UsageError(message.split('\n')[0]!, 'fit');
}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `invalid --${flag} "${value}": use ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`,
    'fit',
  );
}

function requiredPath(flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${flag} FILE is required`, 'fit');
  return value;
}

function parseTargets(value: string | undefined): string[] {
  if (value === undefined)
    throw new UsageError('--target is required (the name of the target column, or several comma-separated)', 'fit');
  const targets = value.split(',').map((t) => t.trim());
  if (targets.some((t) => t === '')) throw new UsageError(`invalid --target "${value}": empty column name`, 'fit');
  return targets;
}

function parseFit(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), options: FIT_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorFrom(error);
  }
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
  const rfm = optionsFromParams(params);
  const out = text('out') === undefined ? null : requiredPath('out', text('out'));
  return {
    kind: 'fit',
    options: {
      train: requiredPath('train', text('train')),
      test: text('test') === undefined ? null : requiredPath('test', text('test')),
      targets: parseTargets(text('target')),
      task: choice('task', text('task'), TASKS, 'regression'),
      out,
      backend: choice('backend', text('backend'), NODE_BACKENDS, 'wasm'),
      quiet: v.quiet === true,
      standardise: params.std,
      rfm,
    },
  };
}

export const PRESET_USAGE = `Usage: rfm preset <name> [--set key=value ...] [options]

Runs one of the papers' experiments and writes the same JSON as rfm fit plus
the preset's own metrics. Names: ${PRESET_NAMES.join(', ')}.

Options:
  --set key=value     a parameter, by the name the app and its URL use
                      (repeatable), e.g. --set p=31 --set op=-
  --csv FILE          the CSV for the csv preset (with --set target=COLUMN)
  --text FILE         the corpus for the text preset with --set corpus=custom
  --out FILE          write the JSON here (default: standard output)
  --backend NAME      wasm (default) or cpu
  -q, --quiet         no progress lines on standard error

Parameters: ${PARAM_KEYS.filter((k) => k !== 'preset' && k !== 'backend').join(', ')}
`;

const PRESET_FLAGS = {
  set: { type: 'string', multiple: true },
  csv: { type: 'string' },
  text: { type: 'string' },
  out: { type: 'string' },
  backend: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parsePreset(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: PRESET_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageErrorFrom(error).message, 'preset');
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: 'help', topic: 'preset' };
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError(`name a preset: ${PRESET_NAMES.join(', ')}`, 'preset');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, 'preset');
  if (!(PRESET_NAMES as readonly string[]).includes(name))
    throw new UsageError(`unknown preset "${name}" (one of ${PRESET_NAMES.join(', ')})`, 'preset');
  const set: Partial<Params> = {};
  for (const assignment of v.set ?? []) {
    const eq = assignment.indexOf('=');
    const key = assignment.slice(0, eq);
    if (eq < 1 || !(PARAM_KEYS as string[]).includes(key) || key === 'preset')
      throw new UsageError(`--set takes key=value with a parameter name, not "${assignment}"`, 'preset');
    try {
      (set as Record<string, unknown>)[key] = parseParam(key as ParamKey, assignment.slice(eq + 1));
    } catch (error) {
      if (error instanceof ParamError) throw new UsageError(error.message, 'preset');
      throw error;
    }
  }
  return {
    kind: 'preset',
    options: {
      preset: name as PresetName,
      set,
      csv: v.csv === undefined ? null : requiredPath('csv', v.csv),
      text: v.text === undefined ? null : requiredPath('text', v.text),
      out: v.out === undefined ? null : requiredPath('out', v.out),
      backend: choice('backend', v.backend, NODE_BACKENDS, 'wasm'),
      quiet: v.quiet ?? false,
    },
  };
}

/** argv without the node and script paths. Throws UsageError. */
export function parseCommandLine(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given');
  if (first === '-h' || first === '--help' || first === 'help')
    return { kind: 'help', topic: rest[0] === 'fit' || rest[0] === 'preset' ? rest[0] : 'main' };
  if (first === 'fit') return parseFit(rest);
  if (first === 'preset') return parsePreset(rest);
  if (first.startsWith('-'))
    throw new UsageError(`unknown option ${first} (options follow the command, as in rfm fit ${first} ...)`);
  throw new UsageError(`unknown command "${first}"`);
}

export function usageText(topic: HelpTopic): string {
  return topic === 'fit' ? FIT_USAGE() : topic === 'preset' ? PRESET_USAGE : MAIN_USAGE;
}
