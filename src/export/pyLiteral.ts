/**
 * Python literals for generated scripts (the Download Python export): the one way a value enters Python
 * source. Strings become double-quoted literals in pure ASCII (every character outside printable ASCII, and
 * the quote and backslash, as an escape), so no value can end the literal, start a line, or be read
 * differently by a Python tokenizer (newlines, NUL, U+2028/U+2029, triple quotes are all escapes). Numbers
 * must be finite and booleans real booleans; anything else is refused with an ExportError, never written.
 */

export class ExportError extends Error {
  override name = 'ExportError';
}

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/** A Python str literal with exactly the characters of `text`. */
export function pyString(text: unknown): string {
  if (typeof text !== 'string') throw new ExportError(`expected text, got ${typeof text}`);
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) out += '\\\\';
    else if (code === 0x22) out += '\\"';
    else if (code >= 0x20 && code < 0x7f) out += text[i];
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x09) out += '\\t';
    else if (code === 0x0d) out += '\\r';
    else if (code < 0x100) out += `\\x${hex(code, 2)}`;
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) {
        out += `\\U${hex(point, 8)}`;
        i++;
      } else out += `\\u${hex(code, 4)}`;
    }
  }
  return `${out}"`;
}

/** A Python float or int literal of a finite number (negative numbers as -x, a unary minus in Python). */
export function pyNumber(value: unknown, what = 'a number'): string {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ExportError(`${what} must be a finite number, not ${describe(value)}`);
  return String(value);
}

/** A Python int literal of a safe integer. */
export function pyInt(value: unknown, what = 'a count'): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new ExportError(`${what} must be a whole number, not ${describe(value)}`);
  return String(value);
}

/** A finite number, or None for null and the non-finite numbers a run records (NaN, Infinity). */
export function pyOptionalNumber(value: unknown, what = 'a value'): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return 'None';
  return pyNumber(value, what);
}

export function pyBool(value: unknown, what = 'a switch'): string {
  if (typeof value !== 'boolean') throw new ExportError(`${what} must be true or false, not ${describe(value)}`);
  return value ? 'True' : 'False';
}

/** One of a fixed list of words, as a string literal; anything else is refused. */
export function pyChoice(value: unknown, options: readonly string[], what: string): string {
  if (typeof value !== 'string' || !options.includes(value))
    throw new ExportError(`${what} must be one of ${options.join(', ')}, not ${describe(value)}`);
  return pyString(value);
}

/** A Python list literal of the encoded items. */
export function pyList<T>(items: ArrayLike<T>, encode: (item: T) => string): string {
  return `[${Array.from(items, encode).join(', ')}]`;
}

/** A short, harmless description of a refused value for the error message. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
}
