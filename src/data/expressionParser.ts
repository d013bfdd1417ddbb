/**
 * A small recursive-descent parser for target expressions (it replaced mathjs, 100+ kB gzipped in the
 * first download, of which only the parser was used). It builds a syntax tree and judges nothing: the
 * compiler in expression.ts checks the tree against its allowlist. So the parser also accepts, as nodes of
 * their own kind, the constructs people type by mistake or on purpose — property access, indexing,
 * assignments, conditionals, lists, objects, ranges, several statements, comparison and other operators —
 * so that the compiler can name them in its message instead of a bare syntax error.
 *
 * Grammar, loosest first: block (; or newline) > assignment (=) > conditional (? :) > range (:) >
 * comparison (== != < > <= >=) > + - > * / % > implicit product (`2x3`, `2(x1 + 1)`, `(a)(b)`) >
 * unary - + > power ^ (right-associative, so -x^2 = -(x^2) and 2^-1 works) > postfix (! . [] calls) >
 * primary (numbers, strings, names, parentheses, [lists], {objects}). Positions are 1-based characters.
 */

export type ExpressionNode =
  | { type: 'ConstantNode'; value: number | string }
  | { type: 'SymbolNode'; name: string }
  | { type: 'ParenthesisNode'; content: ExpressionNode }
  /** fn: 'unaryMinus' | 'unaryPlus' for the unary forms, else the operator itself. */
  | { type: 'OperatorNode'; op: string; fn: string; args: ExpressionNode[] }
  | { type: 'FunctionNode'; fn: ExpressionNode; args: ExpressionNode[] }
  | { type: RejectedNodeType };

/** Constructs the parser recognises only so that they can be refused by name. */
export type RejectedNodeType =
  | 'AccessorNode'
  | 'ArrayNode'
  | 'AssignmentNode'
  | 'BlockNode'
  | 'ConditionalNode'
  | 'FunctionAssignmentNode'
  | 'ObjectNode'
  | 'RangeNode';

export class ExpressionSyntaxError extends Error {
  /** 1-based character position where parsing stopped. */
  readonly position: number;
  constructor(detail: string, position: number) {
    super(detail);
    this.name = 'ExpressionSyntaxError';
    this.position = position;
  }
}

interface Token {
  kind: 'number' | 'string' | 'name' | 'op' | 'end';
  text: string;
  /** 1-based position of the token's first character. */
  position: number;
}

const OPERATORS = ['==', '!=', '<=', '>=', '+', '-', '*', '/', '^', '%', '!', '<', '>', '=', '(', ')', '['];
const MORE_OPERATORS = [']', '{', '}', ',', ';', '\n', ':', '?', '.'];
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_$][\w$]*/;
const STRING = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/;

/** Names of invisible or look-alike characters that paste into expressions. */
const CHARACTER_NAMES: Record<number, string> = {
  0x00: 'a NUL character',
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0b: 'a vertical tab',
  0x0c: 'a form feed',
  0xa0: 'a no-break space',
  0xad: 'a soft hyphen',
  0x2007: 'a figure space',
  0x2009: 'a thin space',
  0x200b: 'a zero-width space',
  0x202f: 'a narrow no-break space',
  0x2212: 'a minus sign, not the hyphen -',
  0xfeff: 'a byte-order mark',
};

/**
 * A character for an error message: the whole code point (an emoji is one character, not a lone half of a
 * surrogate pair), quoted when it can be seen, and with its code (U+00A0) when it is not plain ASCII, so a
 * no-break space or a NUL does not read as "unexpected ' '".
 */
export function describeCharacter(text: string): string {
  const code = text.codePointAt(0)!;
  const ch = String.fromCodePoint(code);
  if (code > 0x20 && code < 0x7f) return `'${ch}'`;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[code];
  if (name) return `${hex} (${name})`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `'${ch}' (${hex})` : `character ${hex}`;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^[ \t\r]+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    const name = number ? null : NAME.exec(rest);
    const string = number || name ? null : STRING.exec(rest);
    const op = [...OPERATORS, ...MORE_OPERATORS].find((o) => rest.startsWith(o));
    const [kind, text] = number
      ? (['number', number[0]] as const)
      : name
        ? (['name', name[0]] as const)
        : string
          ? (['string', string[0]] as const)
          : op
            ? (['op', op] as const)
            : (['op', ''] as const);
    if (text === '') throw new ExpressionSyntaxError(`unexpected ${describeCharacter(rest)}`, i + 1);
    tokens.push({ kind, text, position: i + 1 });
    i += text.length;
  }
  tokens.push({ kind: 'end', text: '', position: source.length + 1 });
  return tokens;
}

const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);

/** Parses `source` into a tree; throws ExpressionSyntaxError where it is not an expression at all. */
export function parseExpression(source: string): ExpressionNode {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token => tokens[at]!;
  const is = (text: string) => peek().kind === 'op' && peek().text === text;
  const next = (): Token => tokens[at++]!;
  const fail = (): never => {
    const t = peek();
    throw new ExpressionSyntaxError(
      t.kind === 'end' ? 'unexpected end of expression' : `unexpected '${t.text}'`,
      t.position,
    );
  };
  const expect = (text: string) => (is(text) ? next() : fail());

  const block = (): ExpressionNode => {
    const first = assignment();
    if (!is(';') && !is('\n')) return first;
    while (is(';') || is('\n')) {
      next();
      if (peek().kind !== 'end' && !is(';') && !is('\n')) assignment();
    }
    return { type: 'BlockNode' };
  };
  const assignment = (): ExpressionNode => {
    const left = conditional();
    if (!is('=')) return left;
    next();
    assignment();
    const definesFunction = left.type === 'FunctionNode' && left.fn.type === 'SymbolNode';
    return { type: definesFunction ? 'FunctionAssignmentNode' : 'AssignmentNode' };
  };
  const conditional = (): ExpressionNode => {
    const condition = range();
    if (!is('?')) return condition;
    next();
    comparison(); // not range(): the ':' that follows belongs to the conditional
    expect(':');
    conditional();
    return { type: 'ConditionalNode' };
  };
  const range = (): ExpressionNode => {
    const start = comparison();
    if (!is(':')) return start;
    while (is(':')) {
      next();
      comparison();
    }
    return { type: 'RangeNode' };
  };
  const binary = (operators: Set<string>, operand: () => ExpressionNode) => (): ExpressionNode => {
    let left = operand();
    while (peek().kind === 'op' && operators.has(peek().text)) {
      const op = next().text;
      left = { type: 'OperatorNode', op, fn: op, args: [left, operand()] };
    }
    return left;
  };
  const implicitProduct = (): ExpressionNode => {
    let left = unary();
    // `2x3`, `2 sin(x1)`, `2(x1 + 1)`, `(x1 + 1)(x2 - 1)`: a number or a parenthesis times what follows.
    while (
      (left.type === 'ConstantNode' || left.type === 'ParenthesisNode' || isImplicitProduct(left)) &&
      (peek().kind === 'name' || is('('))
    )
      left = { type: 'OperatorNode', op: '*', fn: '*', args: [left, unary()] };
    return left;
  };
  const multiplicative = binary(new Set(['*', '/', '%']), implicitProduct);
  const additive = binary(new Set(['+', '-']), multiplicative);
  const comparison = binary(COMPARISONS, additive);
  const unary = (): ExpressionNode => {
    if (is('-') || is('+')) {
      const op = next().text;
      return { type: 'OperatorNode', op, fn: op === '-' ? 'unaryMinus' : 'unaryPlus', args: [unary()] };
    }
    return power();
  };
  const power = (): ExpressionNode => {
    const base = postfix();
    if (!is('^')) return base;
    next();
    return { type: 'OperatorNode', op: '^', fn: '^', args: [base, unary()] };
  };
  const postfix = (): ExpressionNode => {
    let node = primary();
    for (;;) {
      if (is('!')) {
        next();
        node = { type: 'OperatorNode', op: '!', fn: '!', args: [node] };
      } else if (is('.')) {
        next();
        if (peek().kind !== 'name') fail();
        next();
        node = { type: 'AccessorNode' };
      } else if (is('[')) {
        list('[', ']');
        node = { type: 'AccessorNode' };
      } else if (is('(') && (node.type === 'SymbolNode' || node.type === 'AccessorNode')) {
        node = { type: 'FunctionNode', fn: node, args: list('(', ')') };
      } else return node;
    }
  };
  /** A bracketed, comma-separated list of expressions. */
  const list = (open: string, close: string): ExpressionNode[] => {
    expect(open);
    const items: ExpressionNode[] = [];
    if (!is(close)) {
      items.push(conditional());
      while (is(',')) {
        next();
        items.push(conditional());
      }
    }
    expect(close);
    return items;
  };
  const primary = (): ExpressionNode => {
    const t = peek();
    if (t.kind === 'number') {
      next();
      return { type: 'ConstantNode', value: Number(t.text) };
    }
    if (t.kind === 'string') {
      next();
      return { type: 'ConstantNode', value: t.text.slice(1, -1) };
    }
    if (t.kind === 'name') {
      next();
      return { type: 'SymbolNode', name: t.text };
    }
    if (is('(')) {
      next();
      const content = assignment();
      expect(')');
      return { type: 'ParenthesisNode', content };
    }
    if (is('[')) {
      list('[', ']');
      return { type: 'ArrayNode' };
    }
    if (is('{')) {
      next();
      while (!is('}')) {
        if (peek().kind !== 'name' && peek().kind !== 'string') fail();
        next();
        expect(':');
        conditional();
        if (!is(',')) break;
        next();
      }
      expect('}');
      return { type: 'ObjectNode' };
    }
    return fail();
  };

  const tree = block();
  if (peek().kind !== 'end') fail();
  return tree;
}

/** An implicit product keeps multiplying: `2x1 x2` is 2 * x1 * x2. */
function isImplicitProduct(node: ExpressionNode): boolean {
  return (
    node.type === 'OperatorNode' && node.op === '*' && node.args.length === 2 && node.args[0]!.type === 'ConstantNode'
  );
}
