/**
 * The source layout's two rules (README, Development): no two files share a name in different folders (so a
 * name in a stack trace, an import or a search means one file), and no source file is longer than 300 lines
 * (split by concept instead). Stylesheets count as source: each view's CSS sits beside it (src/styles.css lists them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = /\.(ts|tsx|mts|mjs|css)$/;
const MAX_LINES = 300;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

const files = ['src', 'e2e', 'scripts', 'bin'].flatMap((folder) => sourceFiles(join(ROOT, folder)));

describe('source layout', () => {
  it('has no two files with the same name in different folders', () => {
    const byName = new Map<string, string[]>();
    for (const file of files) byName.set(basename(file), [...(byName.get(basename(file)) ?? []), file]);
    const repeated = [...byName.values()].filter((paths) => paths.length > 1);
    expect(repeated).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
