/**
 * The command line, parsed and normalised once: the command picks its parser (./fitArgs.ts,
 * ./presetArgs.ts); every value is checked there, so nothing downstream re-validates.
 */
import {
  DEEP_FIT_USAGE,
  DEEP_PRESET_USAGE,
  NEURAL_COLLAPSE,
  parseDeepFit,
  parseDeepPreset,
  type DeepCliOptions,
} from './deepArgs';
import { parseFit, FIT_USAGE, type FitOptions } from './fitArgs';
import {
  parsePreset,
  PRESET_USAGE,
  type CatapultPresetOptions,
  type ConvPresetOptions,
  type PresetOptions,
} from './presetArgs';
import { UsageError, type HelpTopic } from './usageError';

export type { DeepCliOptions } from './deepArgs';
export type { FitOptions } from './fitArgs';
export type { CatapultPresetOptions, ConvPresetOptions, PresetOptions } from './presetArgs';
export { NODE_BACKENDS, UsageError, type HelpTopic, type NodeBackend } from './usageError';

export type Command =
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'fit'; options: FitOptions }
  | { kind: 'preset'; options: PresetOptions }
  | { kind: 'deep'; options: DeepCliOptions }
  | { kind: 'conv-preset'; options: ConvPresetOptions }
  | { kind: 'catapult-preset'; options: CatapultPresetOptions };

export const MAIN_USAGE = `Usage: rfm <command> [options]

Train Recursive Feature Machines from the command line.

Commands:
  fit      fit an RFM to CSV data and write every iteration as JSON
  preset   run one of the papers' experiments by name (rfm preset --help)

Options:
  -h, --help   show this help (rfm fit --help for the options of fit)
`;

/** argv without the node and script paths. Throws UsageError. */
export function parseCommandLine(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given');
  if (first === '-h' || first === '--help' || first === 'help')
    return { kind: 'help', topic: rest[0] === 'fit' || rest[0] === 'preset' ? rest[0] : 'main' };
  // Deep RFM (the deep-rfm job kind) writes its own JSON (layers and control): its own parsers, deepArgs.ts.
  if (first === 'fit' && rest.includes('--deep')) return parseDeepFit(rest);
  if (first === 'preset' && rest[0] === NEURAL_COLLAPSE) return parseDeepPreset(rest.slice(1));
  if (first === 'fit') return parseFit(rest);
  if (first === 'preset') return parsePreset(rest);
  if (first.startsWith('-'))
    throw new UsageError(`unknown option ${first} (options follow the command, as in rfm fit ${first} ...)`);
  throw new UsageError(`unknown command "${first}"`);
}

export function usageText(topic: HelpTopic): string {
  switch (topic) {
    case 'fit':
      return FIT_USAGE();
    case 'preset':
      return PRESET_USAGE;
    case 'deep-preset':
      return DEEP_PRESET_USAGE;
    case 'deep-fit':
      return DEEP_FIT_USAGE;
    case 'main':
      return MAIN_USAGE;
  }
}
