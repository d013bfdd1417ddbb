/**
 * The command line that reproduces a run: `npx rfm preset NAME --set key=value ...` with every parameter
 * that differs from the preset (the same names as the URL). The backend is the CLI's own choice. Every
 * value is a POSIX sh word from ./shellQuote.ts (single-quoted unless plainly safe).
 */
import { sourceOf } from '../data/sources/descriptors';
import type { DataAssets } from '../protocol/messages';
import { presetParams } from '../params/presets';
import { queryFromParams, type Params } from '../params/schema';
import { shellWord } from './shellQuote';

export { shellWord } from './shellQuote';

/** The command line's option for each input the user brings (data/sources/source.ts DataAssets). */
const ASSET_WORDS: Record<keyof DataAssets, [string, string]> = {
  csv: ['--csv', 'your-data.csv'],
  text: ['--text', 'your-text.txt'],
};

export function reproduceCommand(params: Params): string {
  const words = ['npx', 'rfm', 'preset', shellWord(params.preset)];
  for (const [key, value] of queryFromParams(params, presetParams)) {
    if (key === 'preset' || key === 'backend') continue;
    words.push('--set', shellWord(`${key}=${value}`));
  }
  // Inputs that are files in the app are files on the command line too.
  const needed = sourceOf(params.data).needs(params);
  if (needed !== null) words.push(...ASSET_WORDS[needed]);
  words.push('--out', 'result.json');
  return words.join(' ');
}
