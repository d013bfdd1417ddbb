/**
 * The command line, parsed and normalised once: `rfm fit --train a.csv --target y ...` becomes a FitOptions
 * with a complete RfmOptions, or a UsageError whose message says which option is wrong and why.
 * node's util.parseArgs does the tokenising; every value is checked here, so nothing downstream re-validates.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_RFM_OPTIONS } from '../core/rfm';
import type { KernelName, RfmOptions, UpdateConvention } from '../core/types';
import type { CsvTask } from '../data/table/fromTables';
import {
  PARAM_KEYS,
  PRESET_NAMES,
  ParamError,
  parseParam,
  type ParamKey,
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

const KERNELS: readonly KernelName[] = ['laplace', 'gaussian', 'laplace-q'];
const CONVENTIONS: readonly UpdateConvention[] = ['mean', 'max', 'sqrt'];
const TASKS: readonly CsvTask[] = ['regression', 'classification'];

export const MAIN_USAGE = `Usage: rfm <command> [options]

Train Recursive Feature Machines from the command line.

Commands:
  fit      fit an RFM to CSV data and write every iteration as JSON
  preset   run one of the papers' experiments by name (rfm preset --help)

Options:
  -h, --help   show this help (rfm fit --help for the options of fit)
`;

export const FIT_USAGE = `Usage: rfm fit --train train.csv --target y [options]

Fits an RFM and writes JSON with one record per iteration (iteration 0 is the
plain kernel machine, M = I). Progress goes to standard error.

Data:
  --train FILE        training CSV: a header row, then numbers (required)
  --test FILE         test CSV with the same columns (optional)
  --target COLS       target column(s), comma-separated (required)
  --task TASK         regression (default) or classification; one column of
                      integer labels is one-hot encoded, several columns are
                      taken as one-hot already

Model (defaults in brackets):
  --kernel NAME       laplace, gaussian or laplace-q [${DEFAULT_RFM_OPTIONS.kernel}]
  --bandwidth L       kernel bandwidth, > 0 [${DEFAULT_RFM_OPTIONS.bandwidth}]
  --exponent q        exponent of laplace-q, 0 < q <= 2 [${DEFAULT_RFM_OPTIONS.exponent}]
  --reg LAMBDA        ridge, >= 0 (0: interpolate) [${DEFAULT_RFM_OPTIONS.ridge}]
  --iters T           number of M updates; T + 1 solves [${DEFAULT_RFM_OPTIONS.iterations}]
  --norm RULE         M update: mean (G/n), max (G/max|G|) or sqrt ((G/n)^1/2) [${DEFAULT_RFM_OPTIONS.convention}]
  --diag              keep M diagonal
  --center            subtract the mean gradient before the AGOP
  --sample S          use at most S training points for the AGOP, 0: all [${DEFAULT_RFM_OPTIONS.agopSampleSize}]
  --spectrum K        record the top K kernel eigenvalues [${DEFAULT_RFM_OPTIONS.spectrumSize}]
  --seed N            integer seed for sampling and the spectrum [${DEFAULT_RFM_OPTIONS.seed}]

Run:
  --backend NAME      wasm or cpu [wasm]
  --out FILE          write the JSON here (default: standard output)
  -q, --quiet         no progress lines
  -h, --help          show this help

Example:
  rfm fit --train train.csv --test test.csv --target y --kernel laplace \\
      --bandwidth 10 --reg 1e-3 --iters 5 --norm mean --out result.json
`;

const FIT_FLAGS = {
  train: { type: 'string' },
  test: { type: 'string' },
  target: { type: 'string' },
  task: { type: 'string' },
  kernel: { type: 'string' },
  bandwidth: { type: 'string' },
  exponent: { type: 'string' },
  reg: { type: 'string' },
  iters: { type: 'string' },
  norm: { type: 'string' },
  diag: { type: 'boolean' },
  center: { type: 'boolean' },
  sample: { type: 'string' },
  spectrum: { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  out: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagName = keyof typeof FIT_FLAGS;

/**
 * `--bandwidth -1` would make parseArgs complain that the value is ambiguous; join such negative numbers to
 * their flag so that the range check below gives the real reason.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const flag = arg.startsWith('--') ? (arg.slice(2) as FlagName) : null;
    if (
      flag &&
      Object.hasOwn(FIT_FLAGS, flag) &&
      FIT_FLAGS[flag].type === 'string' &&
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

interface NumberRule {
  integer?: boolean;
  min?: number;
  /** The minimum itself is not allowed. */
  exclusiveMin?: boolean;
  max?: number;
  rule: string;
}

function numberOption(flag: string, value: string | undefined, fallback: number, rule: NumberRule): number {
  if (value === undefined) return fallback;
  const text = value.trim();
  const parsed = text === '' ? NaN : Number(text);
  const ok =
    Number.isFinite(parsed) &&
    (!rule.integer || Number.isSafeInteger(parsed)) &&
    (rule.min === undefined || (rule.exclusiveMin ? parsed > rule.min : parsed >= rule.min)) &&
    (rule.max === undefined || parsed <= rule.max);
  if (!ok) throw new UsageError(`invalid --${flag} ${value}: ${rule.rule}`, 'fit');
  return parsed;
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
  const v = parsed.values;
  if (v.help) return { kind: 'help', topic: 'fit' };
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`, 'fit');

  const d = DEFAULT_RFM_OPTIONS;
  const kernel = choice('kernel', v.kernel, KERNELS, d.kernel);
  if (v.exponent !== undefined && kernel !== 'laplace-q')
    throw new UsageError(`--exponent applies only to --kernel laplace-q (the kernel is ${kernel})`, 'fit');
  const rfm: RfmOptions = {
    kernel,
    bandwidth: numberOption('bandwidth', v.bandwidth, d.bandwidth, {
      min: 0,
      exclusiveMin: true,
      rule: 'the bandwidth must be a number > 0',
    }),
    exponent: numberOption('exponent', v.exponent, d.exponent, {
      min: 0,
      exclusiveMin: true,
      max: 2,
      rule: 'the exponent must satisfy 0 < q <= 2',
    }),
    ridge: numberOption('reg', v.reg, d.ridge, { min: 0, rule: 'the ridge must be a number >= 0' }),
    iterations: numberOption('iters', v.iters, d.iterations, {
      integer: true,
      min: 0,
      rule: 'the number of updates must be an integer >= 0',
    }),
    convention: choice('norm', v.norm, CONVENTIONS, d.convention),
    diagonal: v.diag ?? d.diagonal,
    centering: v.center ?? d.centering,
    agopSampleSize: numberOption('sample', v.sample, d.agopSampleSize, {
      integer: true,
      min: 0,
      rule: 'the sample size must be an integer >= 0 (0: all points)',
    }),
    spectrumSize: numberOption('spectrum', v.spectrum, d.spectrumSize, {
      integer: true,
      min: 0,
      rule: 'the spectrum size must be an integer >= 0',
    }),
    seed: numberOption('seed', v.seed, d.seed, { integer: true, rule: 'the seed must be an integer' }),
  };
  const out = v.out === undefined ? null : requiredPath('out', v.out);
  return {
    kind: 'fit',
    options: {
      train: requiredPath('train', v.train),
      test: v.test === undefined ? null : requiredPath('test', v.test),
      targets: parseTargets(v.target),
      task: choice('task', v.task, TASKS, 'regression'),
      out,
      backend: choice('backend', v.backend, NODE_BACKENDS, 'wasm'),
      quiet: v.quiet ?? false,
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
  return topic === 'fit' ? FIT_USAGE : topic === 'preset' ? PRESET_USAGE : MAIN_USAGE;
}
