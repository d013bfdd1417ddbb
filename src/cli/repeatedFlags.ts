/**
 * Options given twice are refused: node's parseArgs keeps the last value of an option that is not declared
 * `multiple`, so `rfm fit --train a.csv --train b.csv` trained on b.csv without a word. Aliases of one
 * parameter (--bandwidth and --L) count as the same option.
 */
import type { parseArgs } from 'node:util';
import { UsageError, type HelpTopic } from './usageError';

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** Throws a UsageError naming the first option given more than once. `canonical` maps an alias to its key. */
export function rejectRepeatedFlags(
  tokens: readonly Token[],
  multiple: ReadonlySet<string>,
  topic: HelpTopic,
  canonical: (name: string) => string = (name) => name,
): void {
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || multiple.has(token.name)) continue;
    const key = canonical(token.name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new UsageError(
        earlier === token.name
          ? `--${token.name} is given more than once; give it once`
          : `--${earlier} and --${token.name} name the same option; give it once`,
        topic,
      );
    }
    seen.set(key, token.name);
  }
}
