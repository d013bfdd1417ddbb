/**
 * Target expressions for synthetic regression, such as `5*x1^3 + 10*x2^2 + 2*x3`.
 *
 * The text is parsed by expressionParser.ts (it builds a tree and evaluates nothing), then the tree is checked
 * against an allowlist — numbers, the inputs x1..xd, + - * / ^, unary minus and plus, parentheses, and a few
 * real functions — and compiled into plain closures over `Math`. Anything else (property access, strings,
 * assignments, unknown names such as `constructor`) is rejected with a sentence naming the token and, where
 * it can be found, its 1-based position. Real arithmetic throughout: `sqrt(-1)` is NaN, not a complex number.
 */
import { DataError } from './errors';
import { ExpressionSyntaxError, parseExpression, type ExpressionNode } from './expressionParser';

/** Longest accepted source; deeper trees than this are not targets anyone types. */
const MAX_LENGTH = 2000;

export class ExpressionError extends DataError {
  /** 1-based character position of the offending token, when known. */
  readonly position: number | null;
  readonly token: string | null;
  constructor(message: string, token: string | null = null, position: number | null = null) {
    super(message);
    this.name = 'ExpressionError';
    this.token = token;
    this.position = position;
  }
}

export interface CompiledTarget {
  /** f(x) for the point whose coordinates start at x[offset] (x1 is x[offset]). */
  evaluate(x: Float64Array | Float32Array, offset: number): number;
  /** The 1-based input indices the expression uses, ascending. */
  variables: number[];
}

type Evaluator = (x: Float64Array | Float32Array, offset: number) => number;

const UNARY_FUNCTIONS: Record<string, (v: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  tanh: Math.tanh,
  sign: Math.sign,
};
const VARIADIC_FUNCTIONS: Record<string, (...v: number[]) => number> = { min: Math.min, max: Math.max };
const ALLOWED_FUNCTIONS = [...Object.keys(UNARY_FUNCTIONS), ...Object.keys(VARIADIC_FUNCTIONS)];
const BINARY_OPERATORS = new Set(['+', '-', '*', '/', '^']);
/** What a person calls the node kinds that are parsed but not allowed, and the characters that can start them. */
const REJECTED_NODES: Record<string, [description: string, markers: string]> = {
  AccessorNode: ['property or index access', '.['],
  ArrayNode: ['a matrix or list', '['],
  AssignmentNode: ['an assignment', '='],
  BlockNode: ['a second expression', ';\n'],
  ConditionalNode: ['a conditional (? :)', '?'],
  FunctionAssignmentNode: ['a function definition', '='],
  IndexNode: ['indexing', '['],
  ObjectNode: ['an object', '{'],
  RangeNode: ['a range (:)', ':'],
  RelationalNode: ['a comparison', '<'],
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based position of the first occurrence of `token` in `source` (whole word for names), or null. */
function locate(source: string, token: string): number | null {
  const word = /^[A-Za-z_$][\w$]*$/.test(token);
  const pattern = word ? new RegExp(`(?<![\\w$.])${escapeRegExp(token)}(?![\\w$])`) : new RegExp(escapeRegExp(token));
  const match = pattern.exec(source);
  return match ? match.index + 1 : null;
}

function at(position: number | null): string {
  return position === null ? '' : ` at position ${position}`;
}

function inputRange(d: number): string {
  return d === 1 ? 'the only input is x1' : `the inputs are x1 to x${d}`;
}

/** Validates and compiles one node; `used` collects 0-based input indices. */
function compileNode(node: ExpressionNode, source: string, d: number, used: Set<number>): Evaluator {
  switch (node.type) {
    case 'ConstantNode': {
      const value = node.value;
      if (typeof value === 'number') return () => value;
      const token = `"${value}"`;
      const position = locate(source, '"') ?? locate(source, "'");
      throw new ExpressionError(
        `${token}${at(position)} is not a number; only numbers and x1 to x${d} may be used.`,
        token,
        position,
      );
    }
    case 'ParenthesisNode':
      return compileNode(node.content, source, d, used);
    case 'SymbolNode':
      return compileSymbol(node.name, source, d, used);
    case 'OperatorNode':
      return compileOperator(node, source, d, used);
    case 'FunctionNode':
      return compileFunction(node, source, d, used);
    default: {
      const known = Object.hasOwn(REJECTED_NODES, node.type) ? REJECTED_NODES[node.type] : undefined;
      const [description, markers] = known ?? [`'${node.type}'`, ''];
      // The first of the node's marker characters in the source is where the construct starts.
      const found = [...markers]
        .map((marker) => ({ marker, position: locate(source, marker) }))
        .filter((m) => m.position !== null)
        .sort((a, b) => a.position! - b.position!)[0];
      const position = found?.position ?? null;
      throw new ExpressionError(
        `${description[0]!.toUpperCase()}${description.slice(1)}${at(position)} is not allowed in a target expression.`,
        found?.marker ?? null,
        position,
      );
    }
  }
}

function compileSymbol(name: string, source: string, d: number, used: Set<number>): Evaluator {
  const position = locate(source, name);
  const match = /^x(\d+)$/.exec(name);
  if (match) {
    const index = Number(match[1]);
    if (index === 0)
      throw new ExpressionError(
        `x0${at(position)} is not an input: inputs are numbered from 1, so ${inputRange(d)}.`,
        name,
        position,
      );
    if (match[1]!.startsWith('0'))
      throw new ExpressionError(`Write x${index} instead of ${name}${at(position)}.`, name, position);
    if (index > d)
      throw new ExpressionError(
        `${name}${at(position)} is out of range: d = ${d}, so ${inputRange(d)}.`,
        name,
        position,
      );
    const k = index - 1;
    used.add(k);
    return (x, offset) => x[offset + k]!;
  }
  if (ALLOWED_FUNCTIONS.includes(name))
    throw new ExpressionError(`${name}${at(position)} is a function: write ${name}(...).`, name, position);
  throw new ExpressionError(`Unknown name '${name}'${at(position)}: ${inputRange(d)}.`, name, position);
}

function compileOperator(
  node: { op: string; fn: string; args: ExpressionNode[] },
  source: string,
  d: number,
  used: Set<number>,
): Evaluator {
  const args = node.args.map((arg) => compileNode(arg, source, d, used));
  if (args.length === 1 && (node.fn === 'unaryMinus' || node.fn === 'unaryPlus')) {
    const a = args[0]!;
    return node.fn === 'unaryMinus' ? (x, o) => -a(x, o) : a;
  }
  if (args.length === 2 && BINARY_OPERATORS.has(node.op)) {
    const a = args[0]!;
    const b = args[1]!;
    switch (node.op) {
      case '+':
        return (x, o) => a(x, o) + b(x, o);
      case '-':
        return (x, o) => a(x, o) - b(x, o);
      case '*':
        return (x, o) => a(x, o) * b(x, o);
      case '/':
        return (x, o) => a(x, o) / b(x, o);
      default:
        return compilePower(a, node.args[1]!, b);
    }
  }
  const position = locate(source, node.op);
  throw new ExpressionError(
    `Operator '${node.op}'${at(position)} is not allowed; use + - * / ^ and parentheses.`,
    node.op,
    position,
  );
}

/** a^b, with small integer exponents as products (exact and faster than Math.pow). */
function compilePower(a: Evaluator, exponentNode: ExpressionNode, b: Evaluator): Evaluator {
  const constant = exponentNode.type === 'ConstantNode' ? exponentNode.value : null;
  if (constant === 2)
    return (x, o) => {
      const v = a(x, o);
      return v * v;
    };
  if (constant === 3)
    return (x, o) => {
      const v = a(x, o);
      return v * v * v;
    };
  return (x, o) => a(x, o) ** b(x, o);
}

function compileFunction(
  node: { fn: ExpressionNode; args: ExpressionNode[] },
  source: string,
  d: number,
  used: Set<number>,
): Evaluator {
  if (node.fn.type !== 'SymbolNode') {
    // A method call such as sin.constructor(...): report the property access itself.
    compileNode(node.fn, source, d, new Set());
    const position = locate(source, '(');
    throw new ExpressionError(
      `Only named functions may be called${at(position)}; allowed: ${ALLOWED_FUNCTIONS.join(', ')}.`,
      '(',
      position,
    );
  }
  const name = node.fn.name;
  const position = locate(source, name);
  if (/^x\d+$/.test(name))
    throw new ExpressionError(
      `${name}${at(position)} is an input, not a function: write ${name}*(...) to multiply.`,
      name,
      position,
    );
  const unary = Object.hasOwn(UNARY_FUNCTIONS, name) ? UNARY_FUNCTIONS[name] : undefined;
  const variadic = Object.hasOwn(VARIADIC_FUNCTIONS, name) ? VARIADIC_FUNCTIONS[name] : undefined;
  if (!unary && !variadic)
    throw new ExpressionError(
      `Function '${name}'${at(position)} is not allowed; use one of ${ALLOWED_FUNCTIONS.join(', ')}.`,
      name,
      position,
    );
  const args = node.args.map((arg) => compileNode(arg, source, d, used));
  if (unary) {
    if (args.length !== 1)
      throw new ExpressionError(`${name}${at(position)} takes 1 argument, not ${args.length}.`, name, position);
    const a = args[0]!;
    return (x, o) => unary(a(x, o));
  }
  if (args.length === 0) throw new ExpressionError(`${name}${at(position)} needs at least 1 argument.`, name, position);
  if (args.length === 2) {
    const [a, b] = args as [Evaluator, Evaluator];
    return (x, o) => variadic!(a(x, o), b(x, o));
  }
  const values = new Float64Array(args.length);
  return (x, o) => {
    for (let i = 0; i < args.length; i++) values[i] = args[i]!(x, o);
    return variadic!(...values);
  };
}

/** Parses, checks and compiles a target over the inputs x1..xd. Throws ExpressionError on invalid input. */
export function compileTarget(source: string, d: number): CompiledTarget {
  if (!Number.isInteger(d) || d < 1)
    throw new ExpressionError(`The input dimension d must be a positive integer, not ${d}.`);
  if (source.trim() === '')
    throw new ExpressionError('Enter a target expression, for example 5*x1^3 + 10*x2^2 + 2*x3.');
  if (source.length > MAX_LENGTH)
    throw new ExpressionError(`The expression is too long (${source.length} characters; at most ${MAX_LENGTH}).`);
  let tree: ExpressionNode;
  try {
    tree = parseExpression(source);
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    throw new ExpressionError(`Syntax error${at(error.position)}: ${error.message}.`, null, error.position);
  }
  const used = new Set<number>();
  const evaluate = compileNode(tree, source, d, used);
  return { evaluate, variables: [...used].sort((a, b) => a - b).map((k) => k + 1) };
}

/** null when `source` is a valid target over x1..xd, else the message to show (for validation as one types). */
export function checkTargetExpression(source: string, d: number): string | null {
  try {
    compileTarget(source, d);
    return null;
  } catch (error) {
    if (error instanceof ExpressionError) return error.message;
    throw error;
  }
}
