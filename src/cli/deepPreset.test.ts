/**
 * `rfm preset neural-collapse` and `rfm fit --deep` end to end through runCli, at CI size: 10 digits per
 * class (n = 100, d = 784), 6 layers of width 128. What that run shows, asserted: NC1 of X falls from 3.15
 * (X_1) to 0.0173 (X_6), 182x, and 0.0100 after the last layer; the control without the AGOP rises from 3.15 to
 * 5.39 (X_6) and 6.06 after it (docs/deeprfm.md has the full-size table).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLAPSE_KEYS } from '../core/deep/collapseRow';
import { createRandom } from '../core/random';
import { capturedIo } from './capturedIo';
import type { DeepResult } from './deepPreset';
import { runCli } from './main';

let dir = '';

/** Three Gaussian blobs in 5 dimensions with text labels (cat, dog, owl), 20 rows each. */
function labelledCsv(): string {
  const random = createRandom(4);
  const names = ['cat', 'dog', 'owl'];
  const centres = names.map(() => Array.from({ length: 5 }, () => 2 * random.normal()));
  const lines = ['a,b,c,d,e,animal'];
  for (let i = 0; i < 60; i++) {
    const c = i % 3;
    lines.push([...centres[c]!.map((m) => (m + random.normal()).toFixed(5)), names[c]].join(','));
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rfm-deep-'));
  await writeFile(join(dir, 'animals.csv'), labelledCsv());
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; result: DeepResult | null; err: string }> {
  const io = capturedIo();
  const out = join(dir, 'out.json');
  const code = await runCli([...argv, '--out', out], io);
  const result = code === 0 ? (JSON.parse(await readFile(out, 'utf8')) as DeepResult) : null;
  return { code, result, err: io.err() };
}

describe('rfm preset neural-collapse', () => {
  it('collapses the digits layer by layer with the AGOP and not without it', async () => {
    const { code, result, err } = await run(['preset', 'neural-collapse', '--set', 'n=100', '--set', 'rwidth=128']);
    expect(err).not.toMatch(/^rfm:/m);
    expect(code).toBe(0);
    const { layers, control, data, params, summary } = result!;
    expect(data).toMatchObject({ n: 100, d: 784, classes: 10, per_class: new Array(10).fill(10) });
    expect(params).toMatchObject({ depth: 6, width: 128, bandwidth: 2, ridge: 1e-3 });
    expect(layers).toHaveLength(6);
    expect(control.layers).toHaveLength(6);
    for (const layer of [...layers, ...control.layers]) {
      for (const key of COLLAPSE_KEYS) expect(layer[key]).toBeGreaterThan(0);
      expect(layer.M_eigenvalues).toHaveLength(layer.d);
    }
    expect(layers.map((l) => l.d)).toEqual([784, 128, 128, 128, 128, 128]);
    // The AGOP stack: NC1 of X_l falls at every layer, by >= 100x from X_1 to X_6 [measured 182x].
    const nc1 = layers.map((l) => l.nc1_X);
    nc1.slice(1).forEach((v, l) => expect(v).toBeLessThan(nc1[l]!));
    expect(nc1[0]! / nc1[5]!).toBeGreaterThan(100);
    // Within a layer, X M^(1/2) carries the drop; the random ReLU layer gives a little back.
    for (const l of layers) expect(l.nc1_sqrtM_X).toBeLessThan(l.nc1_X / 2);
    // The control (M = I) does not collapse: NC1 ends higher than it starts [3.15 -> 5.39, 6.06 after].
    expect(control.layers[0]!.nc1_X).toBe(nc1[0]);
    expect(summary.control_nc1_last_layer).toBeGreaterThan(control.layers[0]!.nc1_X);
    expect(summary.control_nc1_output).toBeGreaterThan(control.layers[0]!.nc1_X);
    expect(control.layers.every((l) => l.M_eigenvalues.every((v) => v === 1))).toBe(true);
    // M_1's spectrum: decreasing, at most n - 1 = 99 eigenvalues above rounding (the row space of X).
    const spectrum = layers[0]!.M_eigenvalues;
    spectrum.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(spectrum[i]!));
    expect(spectrum.filter((v) => v > 1e-9 * spectrum[0]!).length).toBeLessThanOrEqual(100);
    expect(err.match(/^(agop|control) +layer \d\/6 .*NC1 .*NC2 .* s$/gm)).toHaveLength(12);
  });

  it('refuses a parameter out of range with a usage error', async () => {
    const { code, err } = await run(['preset', 'neural-collapse', '--set', 'depth=0']);
    expect(code).toBe(2);
    expect(err).toMatch(/rfm: depth must be between 1 and 20, not 0/);
    expect(err).toMatch(/rfm preset neural-collapse --help/);
  });

  it('refuses a data set without class labels', async () => {
    const { code, err } = await run(['preset', 'neural-collapse', '--set', 'data=boston']);
    expect(code).toBe(1);
    expect(err).toMatch(/Deep RFM needs points with class labels: data must be csv, iris, digits, not boston/);
  });
});

describe('rfm fit --deep', () => {
  it('runs Deep RFM on a CSV with text class labels', async () => {
    const csv = join(dir, 'animals.csv');
    const argv = ['fit', '--deep', '--train', csv, '--target', 'animal', '--depth', '3', '--width', '32', '-q'];
    const { code, result, err } = await run(argv);
    expect(err).toBe(''); // -q: no progress lines
    expect(code).toBe(0);
    expect(result!.preset).toBeNull();
    expect(result!.data).toMatchObject({ n: 60, d: 5, classes: 3, per_class: [20, 20, 20] });
    expect(result!.data.class_labels!.slice().sort()).toEqual(['cat', 'dog', 'owl']);
    expect(result!.layers.map((l) => l.d)).toEqual([5, 32, 32]);
    expect(result!.summary.nc1_output).toBeLessThan(result!.summary.control_nc1_output);
  });

  it('needs the column of class labels', async () => {
    const { code, err } = await run(['fit', '--deep', '--train', join(dir, 'animals.csv')]);
    expect(code).toBe(2);
    expect(err).toMatch(/--target COLUMN is required/);
    expect(err).toMatch(/rfm fit --deep --help/);
  });
});
