/**
 * The command line that reproduces a run: `npx rfm preset NAME --set key=value ...` with every parameter
 * that differs from the preset (the same names as the URL) and that the run's data source reads
 * (data/sources/applies.ts: the source's descriptor says). The backend is the CLI's own choice. Every value is a POSIX sh word from
 * ./shellQuote.ts (single-quoted unless plainly safe).
 */
import { paramApplies } from '../data/sources/applies';
import { sourceOf } from '../data/sources/descriptors';
import type { DataAssets } from '../protocol/messages';
import { presetParams } from '../params/presets';
import { queryFromParams, type ParamKey, type Params } from '../params/schema';
import { shellWord } from './shellQuote';

export { shellWord } from './shellQuote';

/** The files a run read: the uploaded CSV's name (the command runs where that file is). */
export interface CommandFiles {
  csv?: string;
}

/** The command line's option for each input the user brings (data/sources/source.ts DataAssets). */
const ASSET_WORDS: Record<keyof DataAssets, [string, string]> = {
  csv: ['--csv', 'your-data.csv'],
  text: ['--text', 'your-text.txt'],
};

export function reproduceCommand(params: Params, files: CommandFiles = {}): string {
  const words = ['npx', 'rfm', 'preset', shellWord(params.preset)];
  for (const [key, value] of queryFromParams(params, presetParams)) {
    if (key === 'preset' || key === 'backend' || !paramApplies(key as ParamKey, params)) continue;
    words.push('--set', shellWord(`${key}=${value}`));
  }
  // Inputs that are files in the app are files on the command line too: the uploaded CSV by its name.
  const needed = sourceOf(params.data).needs(params);
  if (needed === 'csv' && files.csv !== undefined)
    words.push('--csv', shellWord(files.csv.startsWith('-') ? `./${files.csv}` : files.csv));
  else if (needed !== null) words.push(...ASSET_WORDS[needed]);
  words.push('--out', 'result.json');
  return words.join(' ');
}
