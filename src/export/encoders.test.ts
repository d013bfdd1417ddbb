/**
 * The shell and markup encoders: a hostile value is one sh word that reads back as itself (checked by
 * /bin/sh), and markup text can neither open a tag nor end an attribute.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { presetParams } from '../params/presets';
import { reproduceCommand } from './command';
import { csvField } from './csvField';
import { escapeXml } from './markup';
import { ExportError } from './pyLiteral';
import { shellWord } from './shellQuote';

const HOSTILE = [
  "'",
  '"',
  "'; touch PLANTED; '",
  '$(touch PLANTED)',
  '`touch PLANTED`',
  'a\nb; touch PLANTED',
  "\\'",
  '*',
  '~',
  '-rf',
  '#x',
  '${HOME}',
  '\u2028😀',
  'x'.repeat(10_240),
];

describe('shellWord', () => {
  it('quotes every hostile value so that sh reads it back as exactly one word, itself', () => {
    for (const value of HOSTILE) {
      const run = spawnSync('sh', ['-c', `printf '%s|' ${shellWord(value)}`], { encoding: 'utf8' });
      expect(run.stdout, value.slice(0, 30)).toBe(`${value}|`);
    }
  });

  it('refuses a NUL, which no command-line word can hold', () => {
    expect(() => shellWord('a\0b')).toThrow(ExportError);
  });

  it('quotes free-text parameters in the copied command', () => {
    const command = reproduceCommand({ ...presetParams('seed'), expr: "x1'; touch PLANTED; echo '" });
    expect(command).toBe(`npx rfm preset seed --set 'expr=x1'\\''; touch PLANTED; echo '\\''' --out result.json`);
  });
});

describe('escapeXml', () => {
  it('leaves no markup character and no character XML cannot hold', () => {
    for (const value of [
      ...HOSTILE,
      '<script>alert(1)</script>',
      '"><svg onload=x>',
      "' onmouseover='x",
      '\0\x01\uFFFE\uD800',
    ]) {
      const text = escapeXml(value);
      expect(text).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
    expect(escapeXml('a < b & "c"')).toBe('a &lt; b &amp; &quot;c&quot;');
  });
});

describe('csvField', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvField('wasm')).toBe('wasm');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"\nnext')).toBe('"say ""hi""\nnext"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
