/**
 * A small kit for validating data from outside (a runs file, runs read back from IndexedDB): each check takes the value and its path
 * ("records[3].testMse") and returns the value typed, or throws a CheckError naming the path and what was
 * wrong. Used by ./runSchema.ts; no other module trusts a parsed file.
 */

// Control characters and line separators: no name, label or message needs them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export class CheckError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** A value as a message may show it: short, quoted when text, never echoed in full. */
export function shown(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}… (${value.length} characters)` : value;
    return JSON.stringify(text).replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : typeof value;
}

export function fail(path: string, problem: string): never {
  throw new CheckError(path, problem);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An object with exactly these keys (optional ones may be missing); unknown keys are refused. */
export function exactObject(value: unknown, path: string, keys: readonly string[], optional: readonly string[] = []) {
  if (!isObject(value)) fail(path, `must be an object, not ${shown(value)}`);
  for (const key of Object.keys(value)) if (!keys.includes(key)) fail(path, `has an unknown field ${shown(key)}`);
  for (const key of keys) if (!(key in value) && !optional.includes(key)) fail(`${path}.${key}`, 'is missing');
  return value;
}

export function finite(value: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `must be a finite number, not ${shown(value)}`);
  if (value < min || value > max) fail(path, `must be between ${min} and ${max}, not ${value}`);
  return value;
}

export function integer(value: unknown, path: string, min: number, max: number): number {
  const n = finite(value, path, min, max);
  if (!Number.isInteger(n)) fail(path, `must be a whole number, not ${n}`);
  return n;
}

export function nullable<T>(check: (value: unknown, path: string) => T) {
  return (value: unknown, path: string): T | null => (value === null ? null : check(value, path));
}

/** A number a run may not have reached (written as null in the file): null reads back as NaN. */
export function numberOrNaN(value: unknown, path: string, min = -Infinity): number {
  return value === null ? NaN : finite(value, path, min);
}

export function text(value: unknown, path: string, maxLength: number, allowControl = false): string {
  if (typeof value !== 'string') fail(path, `must be text, not ${shown(value)}`);
  if (value.length > maxLength) fail(path, `is longer than ${maxLength} characters (${value.length})`);
  if (!allowControl && CONTROL.test(value)) fail(path, 'holds a control character');
  return value;
}

export function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T))
    fail(path, `must be one of ${options.join(', ')}, not ${shown(value)}`);
  return value as T;
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, `must be true or false, not ${shown(value)}`);
  return value;
}

export function list<T>(value: unknown, path: string, maxLength: number, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, `must be a list, not ${shown(value)}`);
  if (value.length > maxLength) fail(path, `has ${value.length} entries, more than the ${maxLength} allowed`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A typed array written as {"$f32": base64} or {"$i32": base64}; every value finite. */
export function typedArray<K extends '$f32' | '$i32'>(
  value: unknown,
  path: string,
  kind: K,
  maxLength: number,
): K extends '$f32' ? Float32Array : Int32Array {
  // Runs read back from IndexedDB hold the typed arrays themselves (structured clone).
  const Type = kind === '$f32' ? Float32Array : Int32Array;
  if (value instanceof Type)
    return finiteValues(value, path, maxLength) as K extends '$f32' ? Float32Array : Int32Array;
  const wrapped = exactObject(value, path, [kind]);
  const encoded = wrapped[kind];
  if (typeof encoded !== 'string' || !BASE64.test(encoded)) fail(path, 'is not valid base64');
  if (encoded.length > 4 * Math.ceil((4 * maxLength) / 3)) fail(path, `holds more than ${maxLength} values`);
  const binary = atob(encoded);
  if (binary.length % 4 !== 0) fail(path, `holds ${binary.length} bytes, not a whole number of 4-byte values`);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return finiteValues(new Type(bytes.buffer), path, maxLength) as K extends '$f32' ? Float32Array : Int32Array;
}

function finiteValues<T extends Float32Array | Int32Array>(array: T, path: string, maxLength: number): T {
  if (array.length > maxLength) fail(path, `holds ${array.length} values, more than the ${maxLength} allowed`);
  for (let i = 0; i < array.length; i++)
    if (!Number.isFinite(array[i])) fail(`${path}[${i}]`, `must be a finite number, not ${array[i]}`);
  return array;
}
