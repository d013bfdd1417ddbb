/**
 * The AGOP tree's parameter (docs/trees.md): the most training rows one leaf's kernel may hold. A data set
 * with more training rows than this is cut into leaves by AGOP splits and one RFM trains per leaf; 0 keeps
 * one kernel for every row (and the memory check refuses what does not fit). Spread into PARAMS (schema.ts).
 */
import { num } from './specs';

export const TREE_PARAMS = {
  leaf: num({
    key: 'leaf',
    aliases: ['leaf-size'],
    label: 'leaf size',
    // 4,000 rows: about 0.3 GB at a leaf's peak (core/memory.ts: 5 n^2 floats) and a second or two per
    // iteration on wasm, well inside the memory check of every backend.
    help: 'Most training rows per leaf: larger data is split by AGOP directions into leaves with one RFM each (0: one kernel for all rows).',
    defaultValue: 4000,
    min: 100,
    max: 12000,
    scale: 'log',
    integer: true,
    allowZero: true,
  }),
} as const;
