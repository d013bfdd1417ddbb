/**
 * A kept run: one finished or stopped run of any kind (or a pinned sweep point) with everything needed to
 * show it again without retraining: its parameters, its records and its dataset summary, plus what the
 * user gave it (a name, a pin, a colour). Pure helpers over kept runs; no store, no DOM.
 */
import * as d3 from 'd3';
import type { IterationRecord } from '../../core';
import { PARAMS, formatParam, type ParamKey, type Params } from '../../params/schema';
import type { DatasetSummary, SweepPoint } from '../../protocol/messages';
import type { KeptResults } from './keptResults';

export type RunOutcome = 'finished' | 'stopped' | 'sweep point';

export interface KeptRun {
  id: string;
  name: string;
  /** CSS colour of its lines in the comparison chart and of its swatch in the list. */
  color: string;
  pinned: boolean;
  /** ms since the epoch, when it was kept; the oldest unpinned run is evicted first. */
  createdAt: number;
  outcome: RunOutcome;
  params: Params;
  /** Every iteration of an RFM run; empty for a sweep point and for a run that keeps `results`. */
  records: IterationRecord[];
  dataset: DatasetSummary | null;
  /** A pinned sweep point's summary (final M, baseline and final errors): all a sweep keeps of a point. */
  point?: SweepPoint;
  /** The fingerprint of the user's file or text the run read (assetDigest.ts); absent for built-in data. */
  asset?: string;
  /** A sweep's points, a lin-RFM run's problem and records, or the phase grid's cells (keptResults.ts). */
  results?: KeptResults;
}

/** The final M of a kept run, or null. */
export function finalMatrix(run: KeptRun): { M: ArrayLike<number>; d: number } | null {
  const last = run.records.at(-1);
  if (last) return { M: last.M, d: last.d };
  return run.point ? { M: run.point.M, d: run.point.d } : null;
}

/** Tableau 10: distinct at a glance and on a white or dark background. */
export const RUN_COLORS: readonly string[] = d3.schemeTableau10;

/** The first palette colour no kept run uses (colours repeat only past 10 runs). */
export function nextRunColor(runs: readonly KeptRun[]): string {
  const used = new Set(runs.map((r) => r.color));
  return RUN_COLORS.find((c) => !used.has(c)) ?? RUN_COLORS[runs.length % RUN_COLORS.length]!;
}

let counter = 0;
/** A unique id: time plus a counter (two runs can be kept in the same millisecond). */
export function newRunId(now = Date.now()): string {
  counter += 1;
  return `run-${now.toString(36)}-${counter.toString(36)}`;
}

/** A default name: the preset and the parameters that differ from the preset's own, e.g. 'seed, L = 2'. */
export function defaultRunName(params: Params, presetParams: Params): string {
  const changed = changedKeys(params, presetParams)
    .filter((k) => k !== 'preset' && k !== 'backend')
    .slice(0, 3)
    .map((k) => `${PARAMS[k].key} = ${formatParam(k, params[k])}`);
  return [params.preset, ...changed].join(', ');
}

/** Parameter keys whose values differ between a and b. */
export function changedKeys(a: Params, b: Params): ParamKey[] {
  return (Object.keys(a) as ParamKey[]).filter((k) => formatParam(k, a[k]) !== formatParam(k, b[k]));
}

/**
 * The parameters that differ among runs (backend aside, it does not change the experiment), each with its
 * value per run as text: the comparison's diff table.
 */
export function parameterDiff(runs: readonly KeptRun[]): { key: ParamKey; label: string; values: string[] }[] {
  const first = runs[0];
  if (!first) return [];
  const keys = (Object.keys(first.params) as ParamKey[]).filter(
    (k) => k !== 'backend' && runs.some((r) => formatParam(k, r.params[k]) !== formatParam(k, first.params[k])),
  );
  return keys.map((k) => ({
    key: k,
    label: `${PARAMS[k].label} (${PARAMS[k].key})`,
    values: runs.map((r) => formatParam(k, r.params[k])),
  }));
}
