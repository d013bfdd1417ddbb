/**
 * What both commands' argument parsers share: the usage error (exit code 2) with the help topic to point
 * at, node's parseArgs messages made short, and the small value checks that are not schema parameters.
 */

/** tfjs backends the CLI can run on in Node. */
export type NodeBackend = 'wasm' | 'cpu';
export const NODE_BACKENDS: readonly NodeBackend[] = ['wasm', 'cpu'];

export type HelpTopic = 'main' | 'fit' | 'preset' | 'deep-preset' | 'deep-fit';

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

/** parseArgs' own messages, made short and without the hints about positionals. */
export function usageErrorFrom(error: unknown, topic: HelpTopic): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option}`, topic);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message))
      return new UsageError(`${option} is a switch and takes no value`, topic);
    if (/argument missing/.test(message)) return new UsageError(`${option} needs a value`, topic);
  }
  return new UsageError(message.split('\n')[0]!, topic);
}

export function choice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  topic: HelpTopic,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `invalid --${flag} "${value}": use ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`,
    topic,
  );
}

export function requiredPath(flag: string, value: string | undefined, topic: HelpTopic): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${flag} FILE is required`, topic);
  return value;
}
