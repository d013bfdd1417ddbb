/**
 * The kind of a run is decided in one place (jobs/job.ts, docs/architecture.md): no other source file tests
 * the flags that decide it (params.linrfm against 'off', params.sweep against 'none', params.model against
 * 'rfm+nn', 'deep-rfm' or 'convrfm'); they ask the job instead. Tests may set and compare the flags.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const FLAG_CHECK = /(linrfm|sweep|model) *[!=]==? *['"](off|none|rfm\+nn|deep-rfm|convrfm|catapults)['"]/;
const EXEMPT = /^jobs\/|\.test\.tsx?$|\.testing\.tsx?$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

/** `file:line: text` of every line that tests a kind-deciding flag. */
function flagChecks(files: readonly string[], read: (file: string) => string): string[] {
  return files.flatMap((file) =>
    read(file)
      .split('\n')
      .flatMap((line, i) => (FLAG_CHECK.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('the kind of a run', () => {
  it('is tested from the flags nowhere in src/ but the job module', () => {
    const files = sourceFiles(SRC).filter((file) => !EXEMPT.test(file));
    expect(flagChecks(files, (file) => readFileSync(join(SRC, file), 'utf8'))).toEqual([]);
  });

  it('finds each of the flag checks, written either way', () => {
    const lines = [
      "if (params.linrfm !== 'off') run();",
      'const sweep = s.params.sweep === "none";',
      "const nn = p.model==='rfm+nn';",
      "if (params.model !== 'deep-rfm') return;",
      "const kind = jobKindOf(params); // params.sweep is 'd'",
      "if (params.model !== 'convrfm') return;",
    ];
    expect(flagChecks(['a.ts'], () => lines.join('\n'))).toEqual([
      `a.ts:1: ${lines[0]}`,
      `a.ts:2: ${lines[1]}`,
      `a.ts:3: ${lines[2]}`,
      `a.ts:4: ${lines[3]}`,
      `a.ts:6: ${lines[5]}`,
    ]);
  });
});
