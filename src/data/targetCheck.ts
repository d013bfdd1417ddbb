/**
 * Checks a target expression the way the run will use it, before it replaces the last good one: it must
 * parse (../expression.ts) and give a finite float32 value on the first training and test points the
 * synthetic source will draw (the same seeded points, so `sqrt(x1)` on uniform inputs is caught and
 * `1/x1`, finite on every real draw, is not). Parse-level problems alone were not enough: `1/0`,
 * `sqrt(-1)` and `exp(1000)` parse, then failed the run in the worker. Kept apart from the parser so
 * either can change on its own; it uses only compileTarget's public API through the synthetic source.
 */
import { DataError } from './errors';
import { checkTargetExpression } from './expression';
import { makeRegressionDataset, type InputDistribution } from './sources/synthetic';

/** Points of each split evaluated: enough to meet any region of the inputs, cheap per keystroke. */
const SAMPLE_POINTS = 256;

export interface TargetCheckOptions {
  d: number;
  nTrain: number;
  nTest: number;
  distribution: InputDistribution;
  seed: number;
}

const tooDeep = (message: string) => /call stack|too much recursion/i.test(message);
const DEEP =
  'The expression nests too deeply to evaluate (maximum call stack size exceeded); use fewer nested parentheses.';

/** null when `source` is a usable target, else the problem in words. */
export function checkTarget(source: string, options: TargetCheckOptions): string | null {
  try {
    const problem = checkTargetExpression(source, options.d);
    if (problem !== null) return tooDeep(problem) ? DEEP : problem;
    const data = makeRegressionDataset({
      expression: source,
      d: options.d,
      nTrain: Math.max(1, Math.min(options.nTrain, SAMPLE_POINTS)),
      nTest: Math.min(options.nTest, SAMPLE_POINTS),
      distribution: options.distribution,
      noise: 0,
      seed: options.seed,
    });
    const overflow = [data.yTrain, data.yTest].some((y) => y.some((v) => !Number.isFinite(v)));
    if (overflow)
      return `The target ${source.trim()} is too large for float32 (over 3.4e38) at some of the inputs; choose a target of moderate size.`;
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (tooDeep(message)) return DEEP;
    if (error instanceof DataError) return message;
    throw error;
  }
}
