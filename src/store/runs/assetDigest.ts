/**
 * A fingerprint of the data a user brought (an uploaded CSV, their own text), kept with a run that read it,
 * so that a reload with the same file loaded opens the kept run instead of training it again. FNV-1a (32
 * bits) over the UTF-16 code units, with the length and the file's name: not a security measure, only "is this
 * the same file", where a stray collision costs an already-kept result shown for a file that differs.
 */
import type { DataAssets } from '../../protocol/messages';

export function assetDigest(assets: DataAssets, needed: keyof DataAssets | null): string | null {
  if (needed === null) return null;
  const value = assets[needed];
  if (value === undefined) return null;
  const [name, text] = typeof value === 'string' ? ['', value] : [value.name, value.text];
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${needed}:${text.length}:${hash.toString(16).padStart(8, '0')}:${name}`;
}
