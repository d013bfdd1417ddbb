/**
 * The README's embed table names every view setting an embed accepts, and nothing else: an attribute the
 * element reads but the table leaves out is one authors cannot find (`theme` was missing).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMBED_VIEW_KEYS } from './view';

/** The backticked keys in the first column of the table that follows "## Embed" (`| key | values |`). */
function readmeEmbedKeys(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Embed'));
  const table = section.slice(section.indexOf('| key | values |'));
  const rows = table.split('\n').slice(2);
  const keys: string[] = [];
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    const first = row.split('|')[1] ?? '';
    keys.push(...[...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  }
  return keys;
}

describe("the README's embed table", () => {
  it('lists every view key an embed reads, once, and no other', () => {
    const keys = readmeEmbedKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...EMBED_VIEW_KEYS].sort());
  });
});
