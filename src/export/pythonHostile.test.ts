/**
 * Hostile values never become Python code (issue 18): the script is generated from hostile values of every
 * field a run gives the exporter, and each one is either refused (ExportError) or written as a literal that
 * leaves the script's structure exactly as for benign values. Checked without Python by a tokenizer
 * (./pythonTokens.testing.ts), and, where python3 is installed, by Python's own parser (ast) and by running
 * the script: code planted in any value never runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RFM_OPTIONS } from '../core/defaults';
import { makeRegressionDataset } from '../data/sources/synthetic';
import { pythonScript, type PythonExport } from './python';
import { ExportError, pyString } from './pyLiteral';
import {
  AST_CHECK,
  decodePyString,
  hasNumpy,
  hasPython,
  HOSTILE_STRINGS,
  MARKER,
  plant,
  pythonTokens,
} from './pythonTokens.testing';

/** Values that are not numbers a run could hold (only finite numbers may be written). */
const HOSTILE_NUMBERS: unknown[] = [NaN, Infinity, -Infinity, '1\nimport os', `1)\n${plant}\n(`, {}, [], true, 1n];

const data = makeRegressionDataset({
  expression: 'x1 + x2^2',
  d: 2,
  nTrain: 24,
  nTest: 8,
  distribution: 'uniform',
  noise: 0,
  seed: 5,
});

export function benignExport(): PythonExport {
  return {
    data,
    options: { ...DEFAULT_RFM_OPTIONS, iterations: 2, agopSampleSize: 10, validationFraction: 0.25 },
    appTestMse: [0.5, 0.25, null],
    description: 'preset seed',
    command: 'npx rfm preset seed --set n=24 --out result.json',
  };
}

type Field = { name: string; set: (e: PythonExport, v: unknown) => void; values: unknown[]; text?: boolean };
const opt = (key: keyof PythonExport['options']) => (e: PythonExport, v: unknown) =>
  void ((e.options as unknown as Record<string, unknown>)[key] = v);

/** Every field of the export, each with the hostile values of its kind. */
export const FIELDS: Field[] = [
  { name: 'description', set: (e, v) => void (e.description = v as string), values: HOSTILE_STRINGS, text: true },
  { name: 'command', set: (e, v) => void (e.command = v as string), values: HOSTILE_STRINGS, text: true },
  ...(['kernel', 'convention'] as const).map((k) => ({ name: k, set: opt(k), values: HOSTILE_STRINGS })),
  {
    name: 'accuracy',
    set: (e, v) => void (e.data = { ...e.data, accuracy: v as never }),
    values: HOSTILE_STRINGS,
  },
  ...(['bandwidth', 'exponent', 'ridge', 'validationFraction', 'iterations', 'seed', 'agopSampleSize'] as const).map(
    (k) => ({ name: k, set: opt(k), values: [...HOSTILE_NUMBERS, ...HOSTILE_STRINGS] }),
  ),
  ...(['diagonal', 'centering', 'earlyStopping'] as const).map((k) => ({
    name: k,
    set: opt(k),
    values: ['1', 'True\nimport os', 1, null, ...HOSTILE_STRINGS],
  })),
  {
    name: 'appTestMse',
    set: (e, v) => void (e.appTestMse = [v as number, 0.25, null]),
    values: [...HOSTILE_NUMBERS.filter((v) => typeof v !== 'number'), ...HOSTILE_STRINGS],
  },
  ...(['d', 'c', 'nTrain', 'nTest'] as const).map((k) => ({
    name: k,
    set: (e: PythonExport, v: unknown) => void (e.data = { ...e.data, [k]: v }),
    values: [...HOSTILE_NUMBERS, ...HOSTILE_STRINGS, 3],
  })),
];

/** Scripts from every hostile value that the exporter accepts (refusals are checked as they happen). */
export function hostileScripts(): { label: string; script: string; value: unknown }[] {
  const scripts: { label: string; script: string; value: unknown }[] = [];
  for (const field of FIELDS) {
    field.values.forEach((value, k) => {
      const e = benignExport();
      field.set(e, value);
      try {
        scripts.push({ label: `${field.name} #${k}`, script: pythonScript(e), value });
      } catch (error) {
        if (!(error instanceof ExportError)) throw error;
        if (field.text) throw new Error(`free text ${field.name} #${k} was refused: ${error.message}`);
      }
    });
  }
  return scripts;
}

describe('the Python export from hostile values', () => {
  const benign = pythonScript(benignExport());
  const structure = pythonTokens(benign);

  it('writes only printable ASCII and line breaks, and keeps the structure of the benign script', () => {
    const scripts = hostileScripts();
    // Free text is always written (2 fields x every hostile string); other fields refuse what they cannot hold.
    expect(scripts.filter((s) => /^(description|command) /.test(s.label))).toHaveLength(2 * HOSTILE_STRINGS.length);
    for (const { label, script } of scripts) {
      expect(/^[\x20-\x7e\n]*$/.test(script), label).toBe(true);
      expect(pythonTokens(script), label).toEqual(structure);
    }
  });

  it('refuses every non-finite number, non-number and unknown word instead of writing it', () => {
    for (const field of FIELDS.filter((f) => !f.text)) {
      for (const value of field.values) {
        if (typeof value === 'number' && Number.isFinite(value)) continue;
        const e = benignExport();
        field.set(e, value);
        expect(() => pythonScript(e), `${field.name} = ${String(value).slice(0, 30)}`).toThrow(ExportError);
      }
    }
  });

  it('writes free text as a literal that reads back as exactly the same text', () => {
    for (const value of HOSTILE_STRINGS) {
      const line = pythonScript({ ...benignExport(), description: value })
        .split('\n')
        .find((l) => l.startsWith('DESCRIPTION = '))!;
      expect(decodePyString(line.slice('DESCRIPTION = '.length))).toBe(value);
      expect(pyString(value)).toBe(line.slice('DESCRIPTION = '.length));
    }
  });

  it('the tokenizer notices a value that escaped its literal (the check can fail)', () => {
    const broken = benign.replace('DESCRIPTION = "preset seed"', `DESCRIPTION = """"\n${plant}\n"""`);
    expect(pythonTokens(broken)).not.toEqual(structure);
    const commented = benign.replace('DESCRIPTION = "preset seed"', 'DESCRIPTION = "preset" # seed"');
    expect(pythonTokens(commented)).not.toEqual(structure);
  });
});

describe.skipIf(!hasPython)('the Python export from hostile values, checked by python3', () => {
  it('parses to the same AST as the benign script, modulo literal values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfm-hostile-'));
    const files = [join(dir, 'benign.py')];
    writeFileSync(files[0]!, pythonScript(benignExport()));
    hostileScripts().forEach(({ script }, k) => {
      files.push(join(dir, `hostile${k}.py`));
      writeFileSync(files.at(-1)!, script);
    });
    const broken = join(dir, 'broken.py');
    writeFileSync(broken, pythonScript(benignExport()).replace('"preset seed"', `""\n${plant}\n""`));
    const run = spawnSync('python3', ['-c', AST_CHECK, ...files, broken], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([broken]); // only the hand-broken one differs
  });

  it.skipIf(!hasNumpy)(
    'runs and executes nothing planted in any value',
    () => {
      // One run holds every hostile string at once, in both free-text fields (each was parsed alone above).
      const everything = HOSTILE_STRINGS.join('');
      const script = pythonScript({ ...benignExport(), description: everything, command: everything });
      const dir = mkdtempSync(join(tmpdir(), 'rfm-hostile-run-'));
      writeFileSync(join(dir, 'rfm_run.py'), script);
      const run = spawnSync('python3', ['rfm_run.py'], { cwd: dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim().split('\n')).toHaveLength(4); // header + iterations 0..2
      expect(existsSync(join(dir, MARKER))).toBe(false);
      // The same planted code does run when it is code: the marker check can fail.
      writeFileSync(join(dir, 'planted.py'), plant);
      spawnSync('python3', ['planted.py'], { cwd: dir });
      expect(existsSync(join(dir, MARKER))).toBe(true);
    },
    60_000,
  );
});
