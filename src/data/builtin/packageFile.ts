/**
 * Reads a data file that ships inside an npm package, the same file in both places the data layer runs:
 * in Node (Vitest, the CLI) straight from node_modules with fs, and in the browser through a loader that
 * a caller writes as a literal dynamic import (`import('pkg/data.csv?raw')`, or `?url` and fetch), so
 * Vite emits the file as its own chunk or asset and the page downloads it only when asked.
 *
 * Node's modules are imported through a variable specifier that Vite leaves alone (and the browser never
 * reaches), so the browser bundle holds no trace of fs.
 */
import { DataError } from '../errors';

/** Whether this is Node (Vitest, the CLI), as opposed to a page or a Web Worker. */
export function isNode(): boolean {
  const runtime = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof runtime?.versions?.node === 'string';
}

const NODE_MODULE = 'node:module';
const NODE_FS = 'node:fs/promises';
const NODE_PATH = 'node:path';

async function readInNode(packageName: string, file: string): Promise<string> {
  const { createRequire } = (await import(/* @vite-ignore */ NODE_MODULE)) as typeof import('node:module');
  const { readFile } = (await import(/* @vite-ignore */ NODE_FS)) as typeof import('node:fs/promises');
  const { dirname, join } = (await import(/* @vite-ignore */ NODE_PATH)) as typeof import('node:path');
  const packageJson = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
  return readFile(join(dirname(packageJson), file), 'utf8');
}

/**
 * The text of `file` inside `packageName` (e.g. 'mnist', 'src/digits/3.json'); in the browser the text
 * comes from `inBrowser`, which must import that same file.
 */
export async function readPackageText(
  packageName: string,
  file: string,
  inBrowser: () => Promise<string>,
): Promise<string> {
  try {
    return isNode() ? await readInNode(packageName, file) : await inBrowser();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(`Could not load ${file} of the ${packageName} package: ${reason}.`);
  }
}

/** The text at a URL that Vite emitted for a `?url` import. */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.text();
}
