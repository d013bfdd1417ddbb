/**
 * A Deep RFM run as JSON (docs/deeprfm.md): per layer of the AGOP stack and of the control (M = I), NC1 and
 * NC2 of X_l, X_l M_l^(1/2) and X_{l+1}, and M_l's eigenvalues. What `rfm preset neural-collapse` writes
 * (cli/deepPreset.ts builds its layers here) and the app's Download JSON gives; the CSV is one row per layer.
 * Pure: from the records, in the CLI (Node) and in the page.
 */
import { collapseRow, type CollapseRow } from '../core/deep/collapseRow';
import type { DeepLayerRecord } from '../core/deep/deepTypes';
import type { Params } from '../params/schema';
import type { DeepSummary } from '../protocol/deepMessages';

export const NC1_DEFINITION =
  'tr(Sigma_W) / tr(Sigma_B), Sigma_W = (1/n) sum_i (x_i - mu_c(i))(x_i - mu_c(i))^T, Sigma_B = (1/K) sum_c (mu_c - mu_G)(mu_c - mu_G)^T; ' +
  "the authors' code divides Sigma_W by K n, which gives K times smaller values";

export type DeepLayerJson = CollapseRow & { layer: number; d: number; M_eigenvalues: number[]; ms: number };

export function deepLayerJson(record: DeepLayerRecord): DeepLayerJson {
  return {
    layer: record.layer,
    d: record.d,
    ...collapseRow(record),
    // The control's M_l is I: its eigenvalues are all 1.
    M_eigenvalues: record.mEigenvalues ? Array.from(record.mEigenvalues) : new Array<number>(record.d).fill(1),
    ms: Math.round(record.ms),
  };
}

/** NC1 of X_1, X_D and X_{D+1} (the output of the last layer), AGOP stack and control; null before a layer. */
export function deepSummaryJson(layers: readonly DeepLayerJson[], control: readonly DeepLayerJson[]) {
  return {
    nc1_first: layers[0]?.nc1_X ?? null,
    nc1_last_layer: layers.at(-1)?.nc1_X ?? null,
    nc1_output: layers.at(-1)?.nc1_next ?? null,
    control_nc1_last_layer: control.at(-1)?.nc1_X ?? null,
    control_nc1_output: control.at(-1)?.nc1_next ?? null,
  };
}

/** The page's Download JSON of a Deep RFM run: the CLI's document, from the records the page holds. */
export function deepRunJson(
  params: Params,
  summary: DeepSummary,
  records: readonly DeepLayerRecord[],
  backend: string,
  file: string | undefined,
) {
  const layers = records.filter((r) => r.stack === 'agop').map(deepLayerJson);
  const control = records.filter((r) => r.stack === 'control').map(deepLayerJson);
  const starts = Array.from(summary.classStarts);
  return {
    kind: 'deep-rfm',
    preset: params.preset,
    params: {
      data: params.data,
      n: summary.n,
      depth: summary.depth,
      width: summary.width,
      bandwidth: params.L,
      ridge: params.lambda,
      seed: params.seed,
    },
    backend,
    data: {
      source: params.data === 'csv' && file !== undefined ? file : params.data,
      n: summary.n,
      d: summary.d,
      classes: summary.classes,
      class_labels: summary.classLabels,
      // Points per class among those drawn in the Gram matrices (all of them up to the drawing limit).
      gram_per_class: starts.slice(1).map((end, c) => end - starts[c]!),
    },
    nc1: NC1_DEFINITION,
    layers,
    control: { layers: control },
    summary: deepSummaryJson(layers, control),
    total_ms: Math.round(records.reduce((sum, r) => sum + r.ms, 0)),
  };
}

/** One row per layer, AGOP stack then control: the six collapse measures and the time. */
export function deepRows(records: readonly DeepLayerRecord[]): Record<string, unknown>[] {
  return records.map((r) => ({ stack: r.stack, layer: r.layer, d: r.d, ...collapseRow(r), ms: Math.round(r.ms) }));
}
