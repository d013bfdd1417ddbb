/**
 * Tests only: a small Python tokenizer that reduces a script to its structure (names, operators, line
 * breaks and indentation, with every string and number literal replaced by its kind), so that two scripts
 * generated from different values can be compared without Python. A value that escaped its literal (ended
 * a string, started a line, opened a comment) changes this sequence. f-strings keep their whole text: they
 * can run code, so their contents are structure. Assumes ASCII input (the exporter writes only ASCII).
 */
import { spawnSync } from 'node:child_process';

const OPERATORS = ['**=', '//=', '>>=', '<<=', '->', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', ':='];
const STRING_START = /^([rRbBuUfF]{0,2})("""|'''|"|')/;
const NUMBER = /^(?:\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)[jJ]?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function pythonTokens(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  let lineStart = true;
  while (i < source.length) {
    if (lineStart) {
      let j = i;
      while (source[j] === ' ') j++;
      if (source[j] !== '\n' && source[j] !== '#' && j < source.length) out.push(`INDENT:${j - i}`);
      i = j;
      lineStart = false;
      continue;
    }
    const ch = source[i]!;
    const rest = source.slice(i, i + 200);
    if (ch === '\n') {
      out.push('NL');
      i++;
      lineStart = true;
    } else if (ch === ' ') i++;
    else if (ch === '\\' && source[i + 1] === '\n') {
      out.push('CONTINUATION');
      i += 2;
    } else if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      out.push('COMMENT');
    } else if (STRING_START.test(rest)) {
      const [start, prefix, quote] = STRING_START.exec(rest)!;
      let j = i + start.length;
      while (j < source.length && !source.startsWith(quote!, j)) {
        if (quote!.length === 1 && source[j] === '\n') break; // an unterminated one-line string
        j += source[j] === '\\' ? 2 : 1;
      }
      const raw = source.slice(i, j + quote!.length);
      out.push(/f/i.test(prefix!) ? `FSTRING:${raw}` : quote!.length === 3 ? 'LONGSTRING' : 'STRING');
      i = j + quote!.length;
    } else if (NUMBER.test(rest)) {
      i += NUMBER.exec(rest)![0].length;
      out.push('NUMBER');
    } else if (NAME.test(rest)) {
      const [name] = NAME.exec(rest)!;
      out.push(`NAME:${name}`);
      i += name.length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? ch;
      out.push(`OP:${op}`);
      i += op.length;
    }
  }
  return out;
}

/** The value of a double-quoted literal as pyString writes it (its escapes only). */
export function decodePyString(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)/g, (_m, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

export const MARKER = 'PLANTED_MARKER';
/** Python that leaves a file behind if it ever runs. */
export const plant = `open(${JSON.stringify(MARKER)}, "w").write("ran")`;

/** Strings a stranger could put in any text a link or a runs file carries. */
export const HOSTILE_STRINGS: string[] = [
  '"',
  "'",
  '"""',
  "'''",
  `"""\n${plant}\n"""`,
  `"\n${plant}\n"`,
  `'\n${plant}\n'`,
  `\\"\n${plant}\n#`,
  `\\\n${plant}`,
  `#\n${plant}`,
  `{${plant}}`,
  `\r${plant}`,
  `\u2028${plant}\u2029`,
  `\u0085\u000b\u000c${plant}`,
  `\0${plant}`,
  '\uD800 lone surrogate \uDC00',
  '😀 ünïcödé',
  '\\',
  '\\x41\\u0041\\N{BULLET}',
  'x'.repeat(10_240),
  `${'"'.repeat(5000)}\n${plant}\n${"'".repeat(5000)}`,
];

/** Whether python3 (and numpy) run here: the Python-side checks skip, saying so, where they do not. */
export const hasPython = spawnSync('python3', ['-c', 'import ast'], { encoding: 'utf8' }).status === 0;
export const hasNumpy = hasPython && spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

/**
 * Python's own parser, run as `python3 -c AST_CHECK benign.py other.py ...`: prints the paths whose AST, with
 * every constant blanked, differs from the first's.
 */
export const AST_CHECK = `
import ast, json, sys
class Blank(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.copy_location(ast.Constant(value=None), node)
def shape(path):
    with open(path, encoding="utf-8") as f:
        return ast.dump(Blank().visit(ast.parse(f.read())))
base = shape(sys.argv[1])
print(json.dumps([p for p in sys.argv[2:] if shape(p) != base]))
`;
