/**
 * Reads Deep RFM's golden fixtures (src/core/deep/fixtures, written in float64 by
 * scripts/deeprfm_reference.py).
 */
import { readFileSync } from 'node:fs';
import type { CollapseRow } from '../deep/collapseRow';
import type { DeepRfmOptions } from '../deep/deepTypes';

export interface DeepFixture {
  data:
    | { kind: 'digits'; per_class: number; seed: number; x_sum: number }
    | { kind: 'inline'; n: number; d: number; classes: number; x: number[]; labels: number[] };
  options: DeepRfmOptions;
  layers: (CollapseRow & { M_top_eigenvalues: number[]; M_trace: number })[];
  control: CollapseRow[];
}

export function loadDeepFixture(name: 'deep-digits' | 'deep-mixture'): DeepFixture {
  const url = new URL(`../deep/fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as DeepFixture;
}
