/**
 * `rfm preset`'s command line: a preset name and `--set key=value` pairs parsed by the schema the app and
 * its URL use, or a UsageError.
 */
import { parseArgs } from 'node:util';
import {
  PARAM_KEYS,
  PRESET_NAMES,
  ParamError,
  parseParam,
  presetConflict,
  type ParamKey,
  type Params,
  type PresetName,
} from '../params/schema';
import { convPresetParams, isConvPreset, type ConvPresetName } from '../params/convPresets';
import { catapultPresetParams, isCatapultPreset, type CatapultPresetName } from '../params/catapultPresets';
import { rejectRepeatedFlags } from './repeatedFlags';
import { presetParams } from '../params/presets';
import {
  NODE_BACKENDS,
  UsageError,
  choice,
  requiredPath,
  usageErrorFrom,
  type HelpTopic,
  type NodeBackend,
} from './usageError';

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

/** `rfm preset convrfm`: the same options, for a ConvRFM preset (docs/convrfm.md). */
export type ConvPresetOptions = Omit<PresetOptions, 'preset'> & { preset: ConvPresetName };

/** `rfm preset catapults`: the same options, for the catapults experiment (docs/catapults.md). */
export type CatapultPresetOptions = Omit<PresetOptions, 'preset'> & { preset: CatapultPresetName };

// ConvRFM's and the catapults' presets are the app's (PRESET_NAMES); their JSON is their own (convPreset.ts,
// catapultPreset.ts).
const ALL_PRESET_NAMES: readonly string[] = PRESET_NAMES;

export const PRESET_USAGE = `Usage: rfm preset <name> [--set key=value ...] [options]

Runs one of the papers' experiments and writes the same JSON as rfm fit plus
the preset's own metrics. Names: ${ALL_PRESET_NAMES.join(', ')}.
Deep RFM and neural collapse: rfm preset neural-collapse --help.

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

/** `--set key=value` assignments parsed by the schema; a UsageError pointing at `topic` names a bad one. */
export function parseAssignments(
  assignments: readonly string[],
  topic: HelpTopic,
  conflict: (key: ParamKey, value: Params[ParamKey]) => string | null = () => null,
): Partial<Params> {
  const set: Partial<Params> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    const key = assignment.slice(0, eq);
    if (eq < 1 || !(PARAM_KEYS as string[]).includes(key) || key === 'preset')
      throw new UsageError(`--set takes key=value with a parameter name, not "${assignment}"`, topic);
    if (Object.hasOwn(set, key)) throw new UsageError(`--set ${key} is given more than once; give it once`, topic);
    try {
      const value = parseParam(key as ParamKey, assignment.slice(eq + 1));
      const problem = conflict(key as ParamKey, value);
      if (problem !== null) throw new UsageError(problem.replace(/: ignored$/, ''), topic);
      (set as Record<string, unknown>)[key] = value;
    } catch (error) {
      if (error instanceof ParamError) throw new UsageError(error.message, topic);
      throw error;
    }
  }
  return set;
}

export function parsePreset(
  argv: string[],
):
  | { kind: 'help'; topic: 'preset' }
  | { kind: 'preset'; options: PresetOptions }
  | { kind: 'conv-preset'; options: ConvPresetOptions }
  | { kind: 'catapult-preset'; options: CatapultPresetOptions } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: PRESET_FLAGS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw usageErrorFrom(error, 'preset');
  }
  rejectRepeatedFlags(parsed.tokens, new Set(['set']), 'preset');
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: 'help', topic: 'preset' };
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError(`name a preset: ${ALL_PRESET_NAMES.join(', ')}`, 'preset');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, 'preset');
  if (!ALL_PRESET_NAMES.includes(name))
    throw new UsageError(`unknown preset "${name}" (one of ${ALL_PRESET_NAMES.join(', ')})`, 'preset');
  const base = isConvPreset(name)
    ? convPresetParams(name)
    : isCatapultPreset(name)
      ? catapultPresetParams(name)
      : presetParams(name as PresetName);
  // As a link: a value that contradicts the preset or that its data never reads is refused.
  const set = parseAssignments(
    v.set ?? [],
    'preset',
    (key, value) =>
      presetConflict(key, value, base)?.replace(`the ${base.preset} preset`, `the ${name} preset`) ?? null,
  );
  const common = {
    set,
    csv: v.csv === undefined ? null : requiredPath('csv', v.csv, 'preset'),
    text: v.text === undefined ? null : requiredPath('text', v.text, 'preset'),
    out: v.out === undefined ? null : requiredPath('out', v.out, 'preset'),
    backend: choice('backend', v.backend, NODE_BACKENDS, 'wasm', 'preset'),
    quiet: v.quiet ?? false,
  };
  if (isConvPreset(name)) return { kind: 'conv-preset', options: { ...common, preset: name } };
  if (isCatapultPreset(name)) return { kind: 'catapult-preset', options: { ...common, preset: name } };
  return { kind: 'preset', options: { ...common, preset: name as PresetName } };
}
