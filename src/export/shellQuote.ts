/**
 * POSIX sh words for the copied command line (`npx rfm preset ...`): the one way a value enters a shell
 * command. A word of plainly safe characters stays as it is; any other is single-quoted, where sh reads
 * every character literally (newlines included) and a quote inside is written as '\''. NUL cannot be
 * part of a command-line argument at all, so a word holding one is refused.
 */
import { ExportError } from './pyLiteral';

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellWord(word: string): string {
  if (typeof word !== 'string') throw new ExportError('a command-line word must be text');
  if (word.includes('\0')) throw new ExportError('a command-line word cannot hold a NUL character');
  return SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
