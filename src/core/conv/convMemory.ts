/**
 * The memory and time guards of a ConvRFM run (docs/convrfm.md), checked before it starts so a size that
 * cannot fit or finish is refused with numbers instead of crashing. Memory: the n x n kernel and its copies
 * for the solve (about 5 n^2 floats, as the RFM's: ../memory.ts), the test kernel (m n), one position's
 * temporaries (3 n^2), the Gaussian's exponentials in their own wasm memory (2 n max(n, m): patchExp.ts), the patches and the per-position operands (P (n + m)(3 f + 4)), and a chunk of AGOP
 * gradients (16 positions x n c f). Time: the AGOP's P n^2 (c f + c) multiply-adds dominate.
 */
import type { MemoryLimits } from '../memory';

export interface ConvShape {
  n: number;
  nTest: number;
  c: number;
  positions: number;
  /** Values per patch. */
  features: number;
}

/** Multiply-adds allowed in one iteration: ~1 minute at the ~5-10 GFLOP/s the wasm backend reaches here. */
export const MAX_MULTIPLY_ADDS = 3e11;

const FLOAT = 4;

export function convRunBytes({ n, nTest, c, positions, features: f }: ConvShape) {
  const floats =
    8 * n * n + 2 * Math.max(n * n, n * nTest) + n * nTest + positions * (n + nTest) * (3 * f + 4) + 17 * n * c * f;
  return { peakBytes: floats * FLOAT, largestTensorBytes: Math.max(n * n, n * nTest) * FLOAT };
}

export function convMultiplyAdds({ n, nTest, c, positions, features: f }: ConvShape): number {
  return positions * (n * n * (c * f + c) + n * (2 * n + nTest) * (f + 2));
}

function fits(shape: ConvShape, limits: MemoryLimits): boolean {
  const { peakBytes, largestTensorBytes } = convRunBytes(shape);
  return (
    peakBytes <= limits.maxTotalBytes &&
    largestTensorBytes <= limits.maxTensorBytes &&
    convMultiplyAdds(shape) <= MAX_MULTIPLY_ADDS
  );
}

function largestN(shape: ConvShape, limits: MemoryLimits): number {
  let lo = 1;
  let hi = 200_000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits({ ...shape, n: mid }, limits)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;

/** Throws an Error that says what does not fit (memory or time), with the numbers and the largest n that would. */
export function checkConvRunFits(shape: ConvShape, limits: MemoryLimits): void {
  if (fits(shape, limits)) return;
  const { peakBytes, largestTensorBytes } = convRunBytes(shape);
  const work = convMultiplyAdds(shape);
  const reason =
    largestTensorBytes > limits.maxTensorBytes
      ? `its largest kernel matrix alone is ${gb(largestTensorBytes)}, over the ${limits.backend} backend's ${gb(limits.maxTensorBytes)} limit for one buffer`
      : peakBytes > limits.maxTotalBytes
        ? `it needs about ${gb(peakBytes)} at its peak, more than the ${limits.backend} backend can hold (about ${gb(limits.maxTotalBytes)})`
        : `one iteration is about ${(work / 1e9).toFixed(0)} billion multiply-adds (P = ${shape.positions} patch positions x n^2 x (c f + c)), over the ${MAX_MULTIPLY_ADDS / 1e9} billion that finish in about a minute here`;
  throw new Error(
    `ConvRFM with n = ${shape.n} training images does not fit: ${reason}. The largest n that fits is about ${largestN(shape, limits)}.`,
  );
}
