#!/usr/bin/env node
/**
 * Writes the AGOP tree's measurement data (docs/trees.md): n rows of d standard normal features and the seed
 * article's target on three hidden directions, y = 5 u1^3 + 10 u2^2 + 2 u3 with u = Q x for seeded
 * orthonormal rows of Q (the scaling test's target, turned off the axes so a diagonal M cannot find it).
 *
 *   node scripts/make-tree-data.mjs --n 100000 --test 10000 --d 20 --seed 1 --out /tmp/tree
 *   -> /tmp/tree-train.csv, /tmp/tree-test.csv
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    test: { type: 'string', default: '10000' },
    d: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'tree' },
  },
});
const n = Number(values.n);
const nTest = Number(values.test);
const d = Number(values.d);

/** mulberry32 with Box-Muller: seeded, so the same flags always write the same files. */
function normalStream(seed) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const normal = normalStream(Number(values.seed));
// Three orthonormal directions by Gram-Schmidt on Gaussian vectors.
const q = [];
for (let r = 0; r < 3; r++) {
  const v = Array.from({ length: d }, normal);
  for (const u of q) {
    const dot = v.reduce((s, x, k) => s + x * u[k], 0);
    for (let k = 0; k < d; k++) v[k] -= dot * u[k];
  }
  const norm = Math.hypot(...v);
  q.push(v.map((x) => x / norm));
}

async function write(path, rows) {
  const out = createWriteStream(path);
  out.write([...Array.from({ length: d }, (_, k) => `x${k + 1}`), 'y'].join(',') + '\n');
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: d }, normal);
    const [u1, u2, u3] = q.map((row) => row.reduce((s, w, k) => s + w * x[k], 0));
    const y = 5 * u1 ** 3 + 10 * u2 ** 2 + 2 * u3;
    if (!out.write(`${x.map((v) => v.toPrecision(5)).join(',')},${y.toPrecision(6)}\n`))
      await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

await write(`${values.out}-train.csv`, n);
await write(`${values.out}-test.csv`, nTest);
console.error(`wrote ${values.out}-train.csv (${n} rows) and ${values.out}-test.csv (${nTest} rows), d = ${d}`);
