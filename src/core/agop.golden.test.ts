/**
 * The AGOP paths the presets take, against the float64 reference (scripts/make_fixtures.py, agop-*.json):
 * the dense product, the one-hot path (grokking, text), row batches (n > 4096 in the app; here forced at small
 * n by lowering the batch size), chunks of rows within a batch on the one-hot path, a subsample of rows,
 * each plain and centred. Both sides start from the same
 * float32 M and alpha; the engine centres X by its mean first, as trainRfm does.
 *
 * Tolerance: relative Frobenius error of G = M (U^T U) M, 3e-5 plain and 8e-5 centred. Measured maxima on cpu
 * and wasm (RFM_GOLDEN_REPORT=1), over every path and row set: [5.3e-6] plain, [1.7e-5] centred (agop-dense,
 * whose uncentred G is ~2000x the centred one: the gradients themselves carry float32 rounding relative to
 * their large common mean). The former centring (N mean mean^T subtracted from the uncentred float32 sum)
 * measured 4.8e-5 (cpu) and 1.3e-4 (wasm) on that case, against 2.9e-6 and 1.1e-5 now.
 */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { gradientOuterProductSum, sandwich } from './agop';
import { disposeMetricPoints, prepareMetricPoints } from './distance';
import { columnMeans, subtractMean } from './inputs';
import { createKernel } from './kernels/kernelRegistry';
import { findOneHotGroups } from './oneHotGroups';
import { describeEachBackend } from './testing/backends';
import { flat32, flat64, loadAgopFixture, relativeError, type AgopFixture } from './testing/fixtures';

const TOLERANCE = { plain: 3e-5, centred: 8e-5 };
const report = process.env.RFM_GOLDEN_REPORT === '1';

type Path = 'dense' | 'batched' | 'one-hot' | 'one-hot batched' | 'one-hot chunked';

async function engineAgop(f: AgopFixture, rows: Int32Array, centering: boolean, path: Path): Promise<Float64Array> {
  const { n, d, c } = f;
  const raw = flat32(f.x);
  const mean = columnMeans(raw, n, d);
  const x = tf.tensor2d(subtractMean(raw, mean), [n, d]);
  const m = tf.tensor2d(flat32(f.M), [d, d]);
  const alpha = tf.tensor2d(flat32(f.alpha), [n, c]);
  const points = prepareMetricPoints(x, m);
  const oneHot = path.startsWith('one-hot');
  const groups = oneHot ? findOneHotGroups(raw, n, d, [d / 2, d / 2]) : null;
  if (oneHot && !groups) throw new Error('the fixture is not one-hot');
  // About 16 rows per batch: several batches, and a last one that is shorter.
  const batchFloats = path.endsWith('batched') ? 16 * Math.max(n, (oneHot ? c : 1) * d) : undefined;
  // Products over 7 gradient rows at a time within one batch, the last chunk shorter.
  const oneHotChunkColumns = path === 'one-hot chunked' ? 7 * c : undefined;
  try {
    const gram = await gradientOuterProductSum({
      kernel: createKernel(f.kernel, f.bandwidth),
      points,
      alpha,
      rows,
      centering,
      oneHotGroups: groups ?? undefined,
      batchFloats,
      oneHotChunkColumns,
    });
    return sandwich(flat64(f.M), gram, d);
  } finally {
    disposeMetricPoints(points);
    tf.dispose([x, m, alpha]);
  }
}

const FIXTURES = [
  { name: 'agop-onehot', paths: ['dense', 'batched', 'one-hot', 'one-hot batched', 'one-hot chunked'] },
  { name: 'agop-dense', paths: ['dense', 'batched'] },
] as const;

describeEachBackend('the AGOP against the float64 reference', (backend) => {
  for (const { name, paths } of FIXTURES) {
    const fixture = loadAgopFixture(name);
    for (const path of paths) {
      it(`matches on ${name} by the ${path} path, all rows and a subsample, plain and centred`, async () => {
        const before = tf.memory().numTensors;
        for (const { rows, centering, G } of fixture.cases) {
          const rowIndices = Int32Array.from(rows ?? Array.from({ length: fixture.n }, (_, i) => i));
          const error = relativeError(await engineAgop(fixture, rowIndices, centering, path), flat64(G));
          if (report)
            console.log(
              `[agop] ${backend} ${name} ${path} rows=${rows ? 'subset' : 'all'} centred=${centering}: ${error.toExponential(2)}`,
            );
          expect(error, `${rows ? 'subsample' : 'all rows'}, centring ${centering}`).toBeLessThanOrEqual(
            centering ? TOLERANCE.centred : TOLERANCE.plain,
          );
        }
        expect(tf.memory().numTensors).toBe(before);
      });
    }
  }

  it('has tolerances that a subsample off by rows, or centring left out, would exceed', () => {
    for (const { name } of FIXTURES) {
      const [all, , subset] = loadAgopFixture(name).cases;
      expect(relativeError(flat64(subset!.G), flat64(all!.G))).toBeGreaterThan(100 * TOLERANCE.centred);
    }
    const [plain, centred] = loadAgopFixture('agop-dense').cases;
    expect(relativeError(flat64(plain!.G), flat64(centred!.G))).toBeGreaterThan(100 * TOLERANCE.centred);
  });
});
