/**
 * The metric M of lin-RFM matrix completion, kept as M = c I + V diag(g) V^T with V [n, K] orthonormal
 * columns (row-major) and g >= 0. The identity is c = 1, K = 0; an exact M is c = 0 with all n
 * eigenvectors; a truncated M keeps the top K eigenvectors and one value c for the rest of the spectrum
 * (docs/linrfm.md). The update maps the eigenpairs of the AGOP W^T W / m to M <- (AGOP + delta I)^s.
 */

export interface Metric {
  n: number;
  /** Value of M on the complement of span(V). */
  c: number;
  /** Basis [n, K], row-major; K = g.length. */
  V: Float64Array;
  /** Extra eigenvalue on each basis column (M's eigenvalue there is c + g_j). */
  g: Float64Array;
}

export function identityMetric(n: number): Metric {
  return { n, c: 1, V: new Float64Array(0), g: new Float64Array(0) };
}

/** Eigenpairs of W^T W (not divided by m): the top `values.length` of them, vectors as columns of [n, K]. */
export interface GramEigen {
  values: Float64Array;
  vectors: Float64Array;
  /** ||W||_F^2 = trace(W^T W). */
  trace: number;
  /** True when only the top K < n eigenpairs are known. */
  truncated: boolean;
}

/**
 * M_{t+1} = (A + delta I)^s with A = W^T W / m and delta = eps * trace(A) / n. When the eigenpairs are
 * truncated, the unknown eigenvalues of A are replaced by their mean (the trace fixes their sum).
 */
export function updatedMetric(eig: GramEigen, m: number, n: number, power: number, eps: number): Metric {
  const K = eig.values.length;
  const trace = eig.trace / m;
  const delta = (eps * trace) / n;
  const lambda = (v: number) => Math.max(v / m, 0);
  let known = 0;
  for (let j = 0; j < K; j++) known += lambda(eig.values[j]!);
  const tail = eig.truncated && n > K ? Math.max(trace - known, 0) / (n - K) : 0;
  const c = eig.truncated ? (tail + delta) ** power : 0;
  const g = new Float64Array(K);
  for (let j = 0; j < K; j++) g[j] = Math.max((lambda(eig.values[j]!) + delta) ** power - c, 0);
  return { n, c, V: eig.vectors, g };
}

/** M's n eigenvalues, descending: c + g_j, then c for the rest of R^n. */
export function metricSpectrum(metric: Metric): Float64Array {
  const values = Array.from(metric.g, (g) => g + metric.c).sort((a, b) => b - a);
  const out = new Float64Array(metric.n).fill(metric.c);
  out.set(values.slice(0, metric.n));
  return out;
}
