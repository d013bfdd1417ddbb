/**
 * The schema of a runs file (issue 18): the whole document is validated before anything of it is used.
 * Every field of every run is checked for its type and range (parameters through the parameter schema, as a
 * link is), unknown fields and duplicate ids are refused, arrays must have the sizes d says, typed arrays must
 * be valid base64 of finite values, colours must come from the palette, and an import may hold at most
 * IMPORT_LIMITS. The first problem refuses the file with a message naming the run and the field.
 */
import {
  PARAMS,
  PARAM_KEYS,
  ParamError,
  parseSpecValue,
  presetConflict,
  type ParamKey,
  type Params,
} from '../../params/schema';
import { presetParams } from '../../params/presets';
import { PRESET_NAMES } from '../../params/dataParams';
import type { StoredRecord, StoredRun } from './serialise';
import { RUN_COLORS } from './keptRun';
import { storedDataset, storedPoint } from './datasetSchema';
import { storedResults } from './resultsSchema';
import { jobKindOf } from '../../jobs/job';
import {
  CheckError,
  bool,
  exactObject,
  fail,
  finite,
  integer,
  list,
  nullable,
  numberOrNaN,
  oneOf,
  shown,
  text,
  typedArray,
} from './check';

/** What one import may hold: said in the refusal when a file goes past it. */
export const IMPORT_LIMITS = {
  runs: 500,
  /** Records per run: iterations 0..T with T at most the iters parameter's maximum. */
  records: PARAMS.iters.max + 1,
  /** Largest dimension d of a stored M (d x d float32). */
  d: 2048,
  /** Stored kernel eigenvalues per record (the spectrum parameter's maximum). */
  kernelEigenvalues: PARAMS.spectrum.max,
  /** Classes of a confusion matrix. */
  classes: 1000,
} as const;

const RECORD_KEYS = [
  'iteration', 'd', 'M', 'mEigenvalues', 'mEigenvectors', 'trainMse', 'testMse', 'trainAccuracy', 'testAccuracy',
  'trainR2', 'testR2', 'kernelEigenvalues', 'timings', 'backend', 'jitter', 'solveResidual', 'validationMse',
  'validationAccuracy', 'bestIteration', 'featureMatrixProblem', 'testConfusion', 'memory',
] as const; // prettier-ignore
const RUN_KEYS = ['id', 'name', 'color', 'pinned', 'createdAt', 'outcome', 'params', 'records', 'dataset', 'point', 'results', 'asset']; // prettier-ignore
const PHASES = ['agop', 'kernel', 'solve', 'predict', 'spectrum'] as const;
const OUTCOMES = ['finished', 'stopped', 'sweep point'] as const;

const accuracy = nullable((v, p) => finite(v, p, 0, 1));
const optionalNumber = nullable((v, p) => finite(v, p));
const mse = (v: unknown, p: string) => numberOrNaN(v, p, 0);

/** Parameters as a link gives them: every value parsed by the parameter schema; missing ones the preset's. */
export function storedParams(value: unknown, path: string): Params {
  const given = exactObject(value, path, PARAM_KEYS, PARAM_KEYS);
  const preset = oneOf(given.preset, `${path}.preset`, PRESET_NAMES);
  const base = presetParams(preset);
  const params: Params = { ...base };
  for (const key of Object.keys(given) as ParamKey[]) {
    const spec = PARAMS[key];
    const raw = given[key];
    const expected = spec.kind === 'number' ? 'number' : spec.kind === 'boolean' ? 'boolean' : 'string';
    if (typeof raw !== expected) fail(`${path}.${key}`, `must be a ${expected}, not ${shown(raw)}`);
    try {
      const parsed = parseSpecValue(spec, String(raw));
      const conflict = presetConflict(key, parsed as Params[ParamKey], base);
      if (conflict !== null) fail(`${path}.${key}`, conflict.replace(/: ignored$/, ''));
      (params as Record<ParamKey, unknown>)[key] = parsed;
    } catch (error) {
      if (error instanceof ParamError) fail(`${path}.${key}`, error.message);
      throw error;
    }
  }
  return params;
}

function storedRecord(value: unknown, path: string, d: number, iterations: number): StoredRecord {
  const r = exactObject(value, path, RECORD_KEYS);
  integer(r.d, `${path}.d`, d, d);
  const f32 = (key: string, max: number) => typedArray(r[key], `${path}.${key}`, '$f32', max);
  const M = f32('M', d * d);
  if (M.length !== d * d) fail(`${path}.M`, `holds ${M.length} values, not d x d = ${d * d}`);
  const mEigenvectors = f32('mEigenvectors', d * d);
  if (mEigenvectors.length % d !== 0) fail(`${path}.mEigenvectors`, `holds ${mEigenvectors.length} values, not k x d`);
  const timings = exactObject(r.timings, `${path}.timings`, PHASES);
  const memory = exactObject(r.memory, `${path}.memory`, ['tensors', 'bytes', 'gpuBytes']);
  const confusion =
    r.testConfusion === null
      ? null
      : typedArray(r.testConfusion, `${path}.testConfusion`, '$i32', IMPORT_LIMITS.classes ** 2);
  if (confusion && (!Number.isInteger(Math.sqrt(confusion.length)) || confusion.some((v) => v < 0)))
    fail(`${path}.testConfusion`, 'must be c x c counts');
  return {
    iteration: integer(r.iteration, `${path}.iteration`, 0, iterations),
    d,
    M,
    mEigenvalues: f32('mEigenvalues', d),
    mEigenvectors,
    trainMse: mse(r.trainMse, `${path}.trainMse`),
    testMse: nullable(mse)(r.testMse, `${path}.testMse`),
    trainAccuracy: accuracy(r.trainAccuracy, `${path}.trainAccuracy`),
    testAccuracy: accuracy(r.testAccuracy, `${path}.testAccuracy`),
    trainR2: optionalNumber(r.trainR2, `${path}.trainR2`),
    testR2: optionalNumber(r.testR2, `${path}.testR2`),
    kernelEigenvalues: f32('kernelEigenvalues', IMPORT_LIMITS.kernelEigenvalues),
    timings: Object.fromEntries(
      PHASES.map((k) => [k, finite(timings[k], `${path}.timings.${k}`, 0)]),
    ) as StoredRecord['timings'],
    backend: text(r.backend, `${path}.backend`, 40),
    jitter: numberOrNaN(r.jitter, `${path}.jitter`, 0),
    solveResidual: numberOrNaN(r.solveResidual, `${path}.solveResidual`, 0),
    validationMse: nullable(mse)(r.validationMse, `${path}.validationMse`),
    validationAccuracy: accuracy(r.validationAccuracy, `${path}.validationAccuracy`),
    bestIteration: nullable((v, p) => integer(v, p, 0, iterations))(r.bestIteration, `${path}.bestIteration`),
    featureMatrixProblem: nullable((v, p) => text(v, p, 500))(r.featureMatrixProblem, `${path}.featureMatrixProblem`),
    testConfusion: confusion,
    memory: {
      tensors: integer(memory.tensors, `${path}.memory.tensors`, 0, Number.MAX_SAFE_INTEGER),
      bytes: finite(memory.bytes, `${path}.memory.bytes`, 0),
      gpuBytes: nullable((v, p) => finite(v, p, 0))(memory.gpuBytes, `${path}.memory.gpuBytes`),
    },
  };
}

function storedRun(value: unknown, path: string): StoredRun {
  const run = exactObject(value, path, RUN_KEYS, ['point', 'results', 'asset']);
  const params = storedParams(run.params, `${path}.params`);
  const color = run.color as string;
  if (typeof color !== 'string' || !RUN_COLORS.includes(color))
    fail(`${path}.color`, `${shown(color)} is not a colour of the palette`);
  const dataset = run.dataset === null ? null : storedDataset(run.dataset, `${path}.dataset`, IMPORT_LIMITS.d);
  const rawRecords = list(run.records, `${path}.records`, IMPORT_LIMITS.records, (v) => v);
  const first = rawRecords[0] as { d?: unknown } | undefined;
  const d = dataset?.d ?? (first ? integer(first.d, `${path}.records[0].d`, 1, IMPORT_LIMITS.d) : 0);
  const records = rawRecords.map((r, i) => storedRecord(r, `${path}.records[${i}]`, d, params.iters));
  const stored: StoredRun = {
    id: text(run.id, `${path}.id`, 100),
    name: text(run.name, `${path}.name`, 300),
    color,
    pinned: bool(run.pinned, `${path}.pinned`),
    createdAt: finite(run.createdAt, `${path}.createdAt`, 0, 1e14),
    outcome: oneOf(run.outcome, `${path}.outcome`, OUTCOMES),
    params,
    records,
    dataset,
  };
  if (run.point !== undefined) stored.point = storedPoint(run.point, `${path}.point`, IMPORT_LIMITS.d);
  if (run.asset !== undefined) stored.asset = text(run.asset, `${path}.asset`, 400);
  if (run.results !== undefined) {
    if (records.length > 0) fail(`${path}.records`, 'must be empty for a run that keeps results');
    stored.results = storedResults(run.results, `${path}.results`, jobKindOf(params));
  }
  return stored;
}

/** Every run of a parsed runs file, validated; throws CheckError with a path such as "run 2 (“name”).records[3].M". */
export function storedRuns(value: unknown): StoredRun[] {
  const runs = list(value, 'runs', IMPORT_LIMITS.runs, (v) => v);
  const ids = new Set<string>();
  return runs.map((raw, index) => {
    const name = (raw as { name?: unknown } | null)?.name;
    const label = `run ${index + 1}${typeof name === 'string' ? ` (${shown(name)})` : ''}`;
    try {
      const run = storedRun(raw, 'run');
      if (ids.has(run.id)) fail('run.id', `${shown(run.id)} is the id of an earlier run in the file`);
      ids.add(run.id);
      return run;
    } catch (error) {
      if (error instanceof CheckError) throw new CheckError(label + error.path.slice('run'.length), error.problem);
      throw error;
    }
  });
}
