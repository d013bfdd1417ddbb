/**
 * Hostile values never become Python code in the sweep's and lin-RFM's scripts either (as
 * ./pythonHostile.test.ts checks the one-run script): each field a run gives these exporters is set to the
 * hostile values of its kind, and each is refused (ExportError) or written as a literal that leaves the
 * script's structure exactly as for benign values (tokenizer; python3's ast where present), and a run of
 * the scripts with every hostile string in their free text executes nothing planted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RFM_OPTIONS } from '../core/defaults';
import { makeRegressionDataset } from '../data/sources/synthetic';
import { defaultParams, type Params } from '../params/schema';
import type { LinRfmJob } from '../protocol/jobTypes';
import type { LinRfmRecord } from '../protocol/linrfmMessages';
import { linRfmPythonScript } from './pythonLinRfm';
import { sweepPythonScript, type SweepPythonExport } from './pythonSweep';
import { ExportError } from './pyLiteral';
import { AST_CHECK, hasNumpy, hasPython, HOSTILE_STRINGS, MARKER, plant, pythonTokens } from './pythonTokens.testing';

const NOT_NUMBERS: unknown[] = [NaN, Infinity, -Infinity, '1\nimport os', `1)\n${plant}\n(`, {}, [], true, 1n];
const NOT_APP_NUMBERS = NOT_NUMBERS.filter((v) => typeof v !== 'number'); // NaN, Infinity: written as None

interface Field<E> {
  name: string;
  set: (e: E, v: unknown) => void;
  values: unknown[];
  /** Free text: always written, never refused. */
  text?: boolean;
}

interface Case<E> {
  name: string;
  benign: () => E;
  make: (e: E) => string;
  fields: Field<E>[];
  /** The export with every hostile string at once in its free text. */
  everything: (text: string) => E;
  /** Lines the run prints (header, rows, summary), with these arguments. */
  lines: number;
  args?: string[];
}

const data = makeRegressionDataset({
  expression: 'x1 + x2^2',
  d: 2,
  nTrain: 24,
  nTest: 8,
  distribution: 'uniform',
  noise: 0,
  seed: 5,
});
const options = { ...DEFAULT_RFM_OPTIONS, iterations: 1, agopSampleSize: 10, validationFraction: 0.25 };
const app = {
  value: 2,
  baselineTestMse: 0.5,
  finalTestMse: 0.25,
  bestTestMse: 0.25,
  bestIteration: 1,
  baselineTestAccuracy: null,
  finalTestAccuracy: null,
  M: new Float64Array(4),
  d: 2,
};
const sweep = (): SweepPythonExport => ({
  param: 'L',
  points: [
    { value: 2, data, options: { ...options, bandwidth: 2 }, app: { ...app } },
    { value: 5, data, options: { ...options, bandwidth: 5 }, app: null },
  ],
  description: 'preset seed',
  command: 'npx rfm preset seed --set sweep=L',
});
const point = (e: SweepPythonExport) => e.points[0]!;

const SWEEP: Case<SweepPythonExport> = {
  name: 'sweep',
  benign: sweep,
  make: sweepPythonScript,
  everything: (text) => ({ ...sweep(), description: text, command: text }),
  lines: 4,
  fields: [
    { name: 'description', set: (e, v) => void (e.description = v as string), values: HOSTILE_STRINGS, text: true },
    { name: 'command', set: (e, v) => void (e.command = v as string), values: HOSTILE_STRINGS, text: true },
    { name: 'param', set: (e, v) => void (e.param = v as string), values: HOSTILE_STRINGS },
    { name: 'value', set: (e, v) => void (point(e).value = v as number), values: [...NOT_NUMBERS, ...HOSTILE_STRINGS] },
    ...(['bandwidth', 'ridge', 'iterations'] as const).map((key) => ({
      name: key,
      set: (e: SweepPythonExport, v: unknown) => void (point(e).options = { ...point(e).options, [key]: v }),
      values: [...NOT_NUMBERS, ...HOSTILE_STRINGS],
    })),
    ...(['baselineTestMse', 'finalTestMse', 'bestTestMse', 'bestIteration'] as const).map((key) => ({
      name: key,
      set: (e: SweepPythonExport, v: unknown) => void (point(e).app = { ...app, [key]: v }),
      values: [...NOT_APP_NUMBERS, ...HOSTILE_STRINGS],
    })),
  ],
};

type Problem = 'completion' | 'sparse' | 'phase';
/** A record of the problem's kind with only what the exporter reads. */
const record = (problem: Problem, iteration: number, recoveryError: unknown) =>
  ({
    kind: problem,
    record: {
      iteration,
      recoveryError,
      softImputeError: 1e-3,
      softImputeSweeps: 40,
      softImputeConverged: true,
      support: Int32Array.of(1, 3),
      nuclearError: 0.1,
    },
  }) as unknown as LinRfmRecord;

interface LinRfmExport {
  params: Params;
  job: LinRfmJob;
  records: LinRfmRecord[];
  description: string;
  command: string;
}
const PROBLEM_PARAMS: Record<Problem, Partial<Params>> = {
  completion: { linrfm: 'completion', rows: 8, cols: 6, rank: 2, observed: 0.5 },
  sparse: { linrfm: 'sparse', n: 6, d: 12, k: 2 },
  phase: { linrfm: 'phase', rows: 8, cols: 8 },
};
const linRfm = (problem: Problem) => (): LinRfmExport => ({
  params: { ...defaultParams(), ...PROBLEM_PARAMS[problem], iters: 2 },
  job: problem === 'phase' ? { kind: 'linrfm-phase' } : { kind: 'linrfm', problem },
  records: [0, 1, 2].map((t) => record(problem, t, 0.8 / 2 ** t)),
  description: `preset ${problem}`,
  command: 'npx rfm preset matrix-completion',
});
const param = (key: keyof Params) => (e: LinRfmExport, v: unknown) => void (e.params = { ...e.params, [key]: v });
const PROBLEM_KEYS: Record<Problem, (keyof Params)[]> = {
  completion: ['rows', 'cols', 'rank', 'observed', 'noise', 'seed', 's', 'decay', 'basis', 'iters'],
  sparse: ['n', 'd', 'k', 'noise', 'seed', 's', 'decay', 'iters'],
  phase: ['rows', 'cols', 'noise', 'seed', 's', 'decay', 'basis', 'iters'],
};

const linRfmCase = (problem: Problem): Case<LinRfmExport> => ({
  name: `lin-RFM ${problem}`,
  benign: linRfm(problem),
  make: (e) => linRfmPythonScript(e.params, e.job, e.records, e),
  everything: (text) => ({ ...linRfm(problem)(), description: text, command: text }),
  // The phase grid runs one cell of 48 (the size line, the header, the cell).
  args: problem === 'phase' ? ['--cells', '0'] : [],
  lines: problem === 'phase' ? 3 : 6,
  fields: [
    { name: 'description', set: (e, v) => void (e.description = v as string), values: HOSTILE_STRINGS, text: true },
    { name: 'command', set: (e, v) => void (e.command = v as string), values: HOSTILE_STRINGS, text: true },
    ...PROBLEM_KEYS[problem].map((key) => ({
      name: key,
      set: param(key),
      values: [...NOT_NUMBERS, ...HOSTILE_STRINGS],
    })),
    {
      name: 'recoveryError',
      set: (e, v) => void (e.records[1] = record(problem, 1, v)),
      values: [...NOT_APP_NUMBERS, ...HOSTILE_STRINGS],
    },
  ],
});

function hostileScripts<E>(c: Case<E>) {
  const scripts: { label: string; script: string }[] = [];
  for (const field of c.fields)
    field.values.forEach((value, k) => {
      const e = c.benign();
      field.set(e, value);
      try {
        scripts.push({ label: `${field.name} #${k}`, script: c.make(e) });
      } catch (error) {
        if (!(error instanceof ExportError)) throw new Error(`${field.name} #${k}: ${String(error)}`);
        if (field.text) throw new Error(`free text ${field.name} #${k} was refused: ${error.message}`);
      }
    });
  return scripts;
}

describe.each([SWEEP, ...(['completion', 'sparse', 'phase'] as const).map(linRfmCase)] as Case<unknown>[])(
  'the $name Python export from hostile values',
  (c) => {
    it('writes only printable ASCII and keeps the benign script’s structure, or refuses', () => {
      const structure = pythonTokens(c.make(c.benign()));
      const scripts = hostileScripts(c);
      expect(scripts.filter((s) => /^(description|command) /.test(s.label))).toHaveLength(2 * HOSTILE_STRINGS.length);
      for (const { label, script } of scripts) {
        expect(/^[\x20-\x7e\n]*$/.test(script), label).toBe(true);
        expect(pythonTokens(script), label).toEqual(structure);
      }
    });

    it('refuses every non-number and unknown word in a field that is not free text', () => {
      for (const field of c.fields.filter((f) => !f.text))
        for (const value of field.values) {
          const e = c.benign();
          field.set(e, value);
          expect(() => c.make(e), `${field.name} = ${String(value).slice(0, 30)}`).toThrow(ExportError);
        }
    });

    it.skipIf(!hasPython)('parses to the benign script’s AST, modulo literal values (python3)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'rfm-hostile-kinds-'));
      const files = [join(dir, 'benign.py')];
      writeFileSync(files[0]!, c.make(c.benign()));
      hostileScripts(c).forEach(({ script }, k) => {
        files.push(join(dir, `hostile${k}.py`));
        writeFileSync(files.at(-1)!, script);
      });
      const run = spawnSync('python3', ['-c', AST_CHECK, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual([]);
    });

    it.skipIf(!hasNumpy)(
      'runs with every hostile string in its free text and executes nothing planted (python3 + numpy)',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'rfm-hostile-kinds-run-'));
        writeFileSync(join(dir, 'script.py'), c.make(c.everything(HOSTILE_STRINGS.join(''))));
        const run = spawnSync('python3', ['script.py', ...(c.args ?? [])], { cwd: dir, encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.stdout.trim().split('\n'), run.stdout).toHaveLength(c.lines);
        expect(existsSync(join(dir, MARKER))).toBe(false);
      },
      60_000,
    );
  },
);
