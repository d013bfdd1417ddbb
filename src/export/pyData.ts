/**
 * Arrays for generated Python scripts: the bytes of a typed array (little-endian, as every browser lays them
 * out) as base64 string literals 96 characters wide, which the script decodes with numpy.frombuffer. Only
 * base64's alphabet ever enters the script (through pyString), whatever the array holds.
 */
import { pyString } from './pyLiteral';

function base64Bytes(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const text = btoa(binary);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 96) lines.push(`    ${pyString(text.slice(i, i + 96))}`);
  return lines.length ? `(\n${lines.join('\n')}\n)` : '""';
}

const bytesOf = (values: ArrayBufferView) => new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

/** float32 values (numpy dtype "<f4"). */
export const base64Float32 = (values: Float32Array): string => base64Bytes(bytesOf(values));

/** float64 values (numpy dtype "<f8"): a lin-RFM problem's entries, written exactly. */
export const base64Float64 = (values: Float64Array): string => base64Bytes(bytesOf(values));

/** 0/1 flags packed eight to a byte, least significant bit first (numpy.unpackbits(..., bitorder="little")). */
export function base64Bits(flags: ArrayLike<number>): string {
  const packed = new Uint8Array(Math.ceil(flags.length / 8));
  for (let i = 0; i < flags.length; i++) if (flags[i]) packed[i >> 3]! |= 1 << (i & 7);
  return base64Bytes(packed);
}
