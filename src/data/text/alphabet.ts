/**
 * The character alphabet of the next-character task: text is lower-cased, typographic quotes and dashes
 * become their ASCII forms, accents are dropped, whitespace runs collapse to one space, and every other
 * character becomes a placeholder. The alphabet has 39 symbols; a data set's vocabulary is the subset
 * that occurs in its text, in this fixed order, so the same character always sits in the same column.
 *
 *   normaliseText('Call me Ishmael.\n  “Ahoy!”') // 'call me ishmael. "ahoy!"'
 *   encodeContext('the whal', 8, vocabulary)    // [8 * V] one-hot, position-major
 */

/** Stands for every character outside the alphabet (digits, symbols, letters of other scripts). */
export const PLACEHOLDER = '#';

/** Space, the 26 letters, common punctuation, then the placeholder. */
export const ALPHABET: readonly string[] = [...' abcdefghijklmnopqrstuvwxyz.,;:!?\'"-()', PLACEHOLDER];

const ALPHABET_SET = new Set(ALPHABET);

/** Characters with an ASCII stand-in in the alphabet. */
const EQUIVALENTS: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '—': '-',
  '–': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
};

const WHITESPACE = /\s/;
const SPACE = 32;
const DROP = 0;
const isCombiningMark = (code: number) => code >= 0x300 && code <= 0x36f;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The output byte of one lower-cased UTF-16 code unit: an ASCII alphabet character, SPACE, or DROP. */
function outputByte(code: number): number {
  if (isCombiningMark(code)) return DROP;
  if (isHighSurrogate(code)) return PLACEHOLDER.charCodeAt(0);
  const raw = String.fromCharCode(code);
  if (WHITESPACE.test(raw)) return SPACE;
  const ch = EQUIVALENTS[raw] ?? raw;
  return (ALPHABET_SET.has(ch) ? ch : PLACEHOLDER).charCodeAt(0);
}

const byteCache = new Map<number, number>();

/** Lower-cases and maps `text` onto ALPHABET (see the module comment). */
export function normaliseText(text: string): string {
  return new TextDecoder('ascii').decode(normaliseToBytes(text));
}

/** normaliseText as ASCII bytes, for the data set builder's hot loops. */
export function normaliseToBytes(text: string): Uint8Array {
  const source = text.normalize('NFD').toLowerCase();
  // Every output character is ASCII: write bytes, decode once (pushing 1M one-character strings is slow).
  const bytes = new Uint8Array(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    let byte = byteCache.get(code);
    if (byte === undefined) byteCache.set(code, (byte = outputByte(code)));
    // A character outside the basic plane is one placeholder, not two.
    if (isHighSurrogate(code)) i++;
    if (byte === DROP || (byte === SPACE && length > 0 && bytes[length - 1] === SPACE)) continue;
    bytes[length++] = byte;
  }
  return bytes.subarray(0, length);
}

/** The alphabet's characters that occur in normalised `text`, in alphabet order. */
export function vocabularyOf(text: string): string[] {
  const seen = new Set(text);
  return ALPHABET.filter((ch) => seen.has(ch));
}

/** A character as a person reads it in a label: the space as '␣'. */
export function printableChar(ch: string): string {
  return ch === ' ' ? '␣' : ch;
}

/** Index of each character of the vocabulary; characters outside it map to the placeholder's index, or -1. */
export function characterIndex(vocabulary: readonly string[]): (ch: string) => number {
  const index = new Map(vocabulary.map((ch, i) => [ch, i]));
  const fallback = index.get(PLACEHOLDER) ?? -1;
  return (ch) => index.get(ch) ?? fallback;
}

/**
 * The model input for a prompt: its last k characters after normalisation, one-hot per position,
 * position-major ([k * V], block p is the character k - p places back). A prompt shorter than k is
 * padded on the left with spaces, as at a word boundary; a character outside the vocabulary leaves its
 * block zero unless the vocabulary has the placeholder.
 */
export function encodeContext(context: string, k: number, vocabulary: readonly string[]): Float32Array {
  const V = vocabulary.length;
  const text = normaliseText(context).slice(-k).padStart(k, ' ');
  const indexOf = characterIndex(vocabulary);
  const x = new Float32Array(k * V);
  for (let p = 0; p < k; p++) {
    const v = indexOf(text[p]!);
    if (v >= 0) x[p * V + v] = 1;
  }
  return x;
}
