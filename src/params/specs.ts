/**
 * The kinds of parameter spec (number, enum, boolean, string, list), the builders the parameter lists use,
 * and the one parser of raw text against a spec (parameters in ./schema.ts, view state in ./view.ts).
 * This module imports nothing.
 */

export interface BaseSpec<T> {
  key: string;
  label: string;
  help: string;
  defaultValue: T;
  /** Long command-line names that mean this key (e.g. `bandwidth` for `L`: `rfm fit --bandwidth 10`). */
  aliases?: readonly string[];
}

export interface NumberSpec extends BaseSpec<number> {
  kind: 'number';
  min: number;
  max: number;
  /** Sliders move on this scale (log needs min > 0). */
  scale: 'linear' | 'log';
  integer: boolean;
  /** Lowest value allowed in addition to the range (e.g. ridge 0 on a log slider). */
  allowZero?: boolean;
}

export interface EnumSpec<T extends string = string> extends BaseSpec<T> {
  kind: 'enum';
  options: readonly T[];
}

export interface BooleanSpec extends BaseSpec<boolean> {
  kind: 'boolean';
}

export interface StringSpec extends BaseSpec<string> {
  kind: 'string';
  maxLength: number;
}

/** An ordered, comma-separated list of names from `options` (e.g. the panels of an embed). */
export interface ListSpec<T extends string = string> extends BaseSpec<readonly T[]> {
  kind: 'list';
  options: readonly T[];
}

export type ParamSpec = NumberSpec | EnumSpec | BooleanSpec | StringSpec | ListSpec;

export class ParamError extends Error {
  override name = 'ParamError';
}

export const num = (s: Omit<NumberSpec, 'kind'>): NumberSpec => ({ kind: 'number', ...s });
export const choice = <T extends string>(s: Omit<EnumSpec<T>, 'kind'>): EnumSpec<T> => ({ kind: 'enum', ...s });
export const flag = (s: Omit<BooleanSpec, 'kind'>): BooleanSpec => ({ kind: 'boolean', ...s });

/** A raw value as an error message may show it: at most 60 characters (a link can carry 100 kB). */
export function shownRaw(raw: string): string {
  return raw.length > 60 ? `${raw.slice(0, 60)}… (${raw.length} characters)` : raw;
}

// Control characters and line separators: no parameter needs them, and they could hide text in a banner.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Parses one raw string against any spec (parameters here, view state in view.ts): the single place where
 * text from a URL, an attribute, a form field or the command line becomes a value, with the error text.
 */
export function parseSpecValue(spec: ParamSpec, rawText: string): number | string | boolean | readonly string[] {
  const text = rawText.trim();
  const raw = shownRaw(rawText);
  switch (spec.kind) {
    case 'number': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) throw new ParamError(`${spec.key} must be a number, not "${raw}"`);
      if (spec.integer && !Number.isInteger(value))
        throw new ParamError(`${spec.key} must be a whole number, not ${raw}`);
      if (value === 0 && spec.allowZero) return 0;
      if (value < spec.min || value > spec.max)
        throw new ParamError(
          `${spec.key} must be between ${spec.min} and ${spec.max}${spec.allowZero ? ' (or 0)' : ''}, not ${raw}`,
        );
      return value;
    }
    case 'enum':
      if (!spec.options.includes(text))
        throw new ParamError(`invalid ${spec.key}: ${raw} (one of ${spec.options.join(', ')})`);
      return text;
    case 'boolean':
      if (['1', 'true', 'yes', 'on'].includes(text)) return true;
      if (['0', 'false', 'no', 'off'].includes(text)) return false;
      throw new ParamError(`${spec.key} must be true or false, not "${raw}"`);
    case 'string':
      if (text.length > spec.maxLength) throw new ParamError(`${spec.key} is longer than ${spec.maxLength} characters`);
      if (CONTROL.test(text)) throw new ParamError(`${spec.key} holds a control character or line break`);
      return text;
    case 'list': {
      const items = text === '' ? [] : text.split(',').map((item) => item.trim());
      const unknown = items.filter((item) => !spec.options.includes(item));
      if (unknown.length)
        throw new ParamError(
          `invalid ${spec.key}: ${shownRaw(unknown.join(', '))} (choose from ${spec.options.join(', ')})`,
        );
      return [...new Set(items)];
    }
  }
}

/** The text form of any spec's value: the inverse of parseSpecValue. */
export function formatSpecValue(value: number | string | boolean | readonly string[]): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
