/**
 * The `rfm` command: parses the arguments, runs the command and turns every failure into one line
 * `rfm: <message>` on stderr and an exit code (2: usage error, 1: data or run error), never a stack trace
 * (set RFM_DEBUG=1 to see one). runCli never exits the process, so tests can call it; bin/rfm.mjs does.
 */
import { writeFile } from 'node:fs/promises';
import { parseCommandLine, usageText, UsageError, type HelpTopic } from './args';
import { formatJson } from './report';

export interface Writer {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** What precedes --help to show each topic's usage. */
const HELP_COMMANDS: Record<HelpTopic, string> = {
  main: '',
  fit: 'fit ',
  preset: 'preset ',
  'deep-preset': 'preset neural-collapse ',
  'deep-fit': 'fit --deep ',
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `rfm <argv...>` and resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.kind === 'help') {
      io.stdout.write(usageText(command.topic));
      return EXIT_OK;
    }
    const { options } = command;
    const log = (line: string) => {
      if (!options.quiet) io.stderr.write(`${line}\n`);
    };
    // Loaded only for a run, so that --help does not wait for tfjs.
    const { checkWritable } = await import('./fit');
    if (options.out !== null) await checkWritable(options.out);
    const result =
      command.kind === 'fit'
        ? command.options.conv
          ? await (await import('./convFit')).fitConvFromCsv(command.options, command.options.conv, log)
          : await (await import('./fit')).fitFromCsv(command.options, log)
        : command.kind === 'deep'
          ? await (await import('./deepPreset')).runDeep(command.options, log)
          : command.kind === 'conv-preset'
            ? await (await import('./convPreset')).runConvPreset(command.options, log)
            : command.kind === 'catapult-preset'
              ? await (await import('./catapultPreset')).runCatapultPreset(command.options, log)
              : await (await import('./preset')).runPreset(command.options, log);
    const json = `${formatJson(result)}\n`;
    if (options.out === null) io.stdout.write(json);
    else {
      try {
        await writeFile(options.out, json, 'utf8');
      } catch (error) {
        throw new Error(`cannot write ${options.out}: ${messageOf(error)}`);
      }
      log(`wrote ${options.out}`);
    }
    return EXIT_OK;
  } catch (error) {
    io.stderr.write(`rfm: ${messageOf(error)}\n`);
    if (error instanceof UsageError) {
      io.stderr.write(`Run 'rfm ${HELP_COMMANDS[error.topic]}--help' for usage.\n`);
      return EXIT_USAGE;
    }
    if (process.env.RFM_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}
