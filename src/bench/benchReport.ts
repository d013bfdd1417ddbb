/**
 * Turns benchmark runs into rows: the median per-iteration time over iterations 1..T of every repeat, the
 * median of each phase, the ratio to the native reference of the same case (for the whole iteration and for its
 * work without the kernel spectrum, which is a view of the run rather than part of the fit), and the last test
 * MSE as a check that both sides computed the same thing. Formats them as a text table and as Markdown.
 * Pure functions; scripts/bench.mjs loads this module through tsx.
 */
import type { BenchRunResult, IterationSample } from './benchTypes';

export const PHASES = ['kernel', 'solve', 'predict', 'agop', 'spectrum'] as const;
/** The phases of the fit itself: everything an iteration does except the spectrum shown beside it. */
const FIT_PHASES = PHASES.filter((phase) => phase !== 'spectrum');

export type OutcomeStatus = 'ok' | 'failed' | 'timeout' | 'skipped';

/** One case on one backend, as the runner saw it. */
export interface RunOutcome {
  caseId: string;
  title: string;
  /** e.g. "browser wasm", "node cpu", "native numpy". */
  label: string;
  status: OutcomeStatus;
  result: BenchRunResult | null;
  /** Why it failed or was skipped, or a remark (e.g. "SwiftShader adapter, 1 repeat"). */
  note: string;
  machine: string;
  /** Share of the CPU other processes used during the run (null: unknown). */
  othersCpu: number | null;
}

/** Above this share of the CPU used by other processes, a time is starred as possibly disturbed. */
export const BUSY_THRESHOLD = 0.2;

export function isDisturbed(othersCpu: number | null): boolean {
  return othersCpu !== null && othersCpu > BUSY_THRESHOLD;
}

export interface SummaryRow {
  caseId: string;
  title: string;
  label: string;
  status: OutcomeStatus;
  note: string;
  machine: string;
  othersCpu: number | null;
  actualBackend: string | null;
  /** Median wall time per iteration, t >= 1, over all repeats. */
  msPerIteration: number | null;
  /** Median per repeat, to show the spread. */
  repeatMedians: number[];
  /** Median of each phase over the same iterations; `other` is the rest of the wall time. */
  split: Record<string, number> | null;
  /** Median wall time of iteration 0 (M = I, includes warm-up). */
  iteration0Ms: number | null;
  ratioToNative: number | null;
  /** Median over the same iterations of kernel + solve + predict + AGOP (the iteration without the spectrum). */
  msWithoutSpectrum: number | null;
  ratioWithoutSpectrum: number | null;
  testMse: number | null;
  testAccuracy: number | null;
  /** |testMse - native testMse| / native testMse. */
  mseDifference: number | null;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function phaseSum(sample: IterationSample, phases: readonly string[] = PHASES): number {
  return phases.reduce((sum, phase) => sum + (sample.timings[phase] ?? 0), 0);
}

function updates(result: BenchRunResult): IterationSample[][] {
  return result.runs.map((run) => run.iterations.filter((s) => s.iteration >= 1));
}

function summarizeOne(outcome: RunOutcome): SummaryRow {
  const row: SummaryRow = {
    caseId: outcome.caseId,
    title: outcome.title,
    label: outcome.label,
    status: outcome.status,
    note: outcome.note,
    machine: outcome.machine,
    othersCpu: outcome.othersCpu,
    actualBackend: outcome.result?.actualBackend ?? null,
    msPerIteration: null,
    repeatMedians: [],
    split: null,
    iteration0Ms: null,
    ratioToNative: null,
    msWithoutSpectrum: null,
    ratioWithoutSpectrum: null,
    testMse: null,
    testAccuracy: null,
    mseDifference: null,
  };
  const result = outcome.result;
  if (!result || result.runs.length === 0) return row;
  const perRepeat = updates(result);
  const samples = perRepeat.flat();
  if (samples.length > 0) {
    row.msPerIteration = median(samples.map((s) => s.wallMs));
    row.repeatMedians = perRepeat.map((run) => median(run.map((s) => s.wallMs)));
    const split: Record<string, number> = {};
    for (const phase of PHASES) split[phase] = median(samples.map((s) => s.timings[phase] ?? 0));
    split.other = median(samples.map((s) => s.wallMs - phaseSum(s)));
    row.split = split;
    row.msWithoutSpectrum = median(samples.map((s) => phaseSum(s, FIT_PHASES)));
  }
  row.iteration0Ms = median(
    result.runs.flatMap((run) => run.iterations.filter((s) => s.iteration === 0).map((s) => s.wallMs)),
  );
  const last = result.runs.at(-1)?.iterations.at(-1);
  row.testMse = last?.testMse ?? null;
  row.testAccuracy = last?.testAccuracy ?? null;
  return row;
}

/** Rows in the order given, each compared with the native row of its case. */
export function summarize(outcomes: RunOutcome[]): SummaryRow[] {
  const rows = outcomes.map(summarizeOne);
  const native = new Map(
    rows.filter((r) => r.label.startsWith('native') && r.status === 'ok').map((r) => [r.caseId, r]),
  );
  for (const row of rows) {
    const reference = native.get(row.caseId);
    if (!reference || row === reference) continue;
    if (row.msPerIteration !== null && reference.msPerIteration !== null)
      row.ratioToNative = row.msPerIteration / reference.msPerIteration;
    if (row.msWithoutSpectrum !== null && reference.msWithoutSpectrum)
      row.ratioWithoutSpectrum = row.msWithoutSpectrum / reference.msWithoutSpectrum;
    if (row.testMse !== null && reference.testMse !== null && reference.testMse > 0)
      row.mseDifference = Math.abs(row.testMse - reference.testMse) / reference.testMse;
  }
  return rows;
}

function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function formatSplit(split: Record<string, number> | null): string {
  if (!split) return '-';
  return [...PHASES, 'other'].map((phase) => `${phase === 'agop' ? 'AGOP' : phase} ${ms(split[phase])}`).join(', ');
}

function ratio(value: number | null): string {
  return value === null ? '-' : `${value.toFixed(2)}x`;
}

function withoutSpectrumCell(row: SummaryRow): string {
  if (row.status !== 'ok' || row.msWithoutSpectrum === null) return '-';
  return row.ratioWithoutSpectrum === null
    ? ms(row.msWithoutSpectrum)
    : `${ms(row.msWithoutSpectrum)} (${ratio(row.ratioWithoutSpectrum)})`;
}

function timeCell(row: SummaryRow): string {
  if (row.status !== 'ok') return row.status;
  const spread =
    row.repeatMedians.length > 1
      ? ` (${ms(Math.min(...row.repeatMedians))}-${ms(Math.max(...row.repeatMedians))})`
      : '';
  const star = isDisturbed(row.othersCpu) ? ' *' : '';
  return `${ms(row.msPerIteration)}${spread}${star}`;
}

function mseCell(row: SummaryRow): string {
  if (row.testMse === null) return '-';
  const acc = row.testAccuracy === null ? '' : ` acc ${(100 * row.testAccuracy).toFixed(1)}%`;
  const diff = row.mseDifference === null ? '' : ` (${(100 * row.mseDifference).toFixed(2)}% vs native)`;
  return `${row.testMse.toPrecision(4)}${acc}${diff}`;
}

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, col) => Math.max(...cells.map((r) => r[col]!.length)));
  return cells
    .map((r) =>
      r
        .map((cell, col) => cell.padEnd(widths[col]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A plain-text table for the terminal. */
export function formatText(rows: SummaryRow[]): string {
  const header = [
    'case',
    'backend',
    'ms/iter (repeat medians)',
    'ratio',
    'w/o spectrum (ratio)',
    'iter 0 ms',
    'split (median ms)',
    'test MSE (last)',
  ];
  const body = rows.map((r) => [
    r.caseId,
    r.label,
    timeCell(r),
    ratio(r.ratioToNative),
    withoutSpectrumCell(r),
    ms(r.iteration0Ms),
    r.status === 'ok' ? formatSplit(r.split) : r.note,
    mseCell(r),
  ]);
  return pad([header, ...body]);
}

function escape(cell: string): string {
  return cell.replace(/\|/g, '\\|');
}

/** The Markdown tables: timings, then the sanity check of test MSE against the native reference. */
export function formatMarkdown(rows: SummaryRow[], preamble: string[], notes: string[]): string {
  const lines = [...preamble, ''];
  lines.push(
    '| case | backend | ms/iteration | ratio to native | without spectrum: ms (ratio) | split (median ms) | machine |',
  );
  lines.push('|---|---|---:|---:|---:|---|---|');
  for (const r of rows) {
    const split = r.status === 'ok' ? formatSplit(r.split) : r.note;
    lines.push(
      `| ${r.caseId}: ${escape(r.title)} | ${r.label} | ${timeCell(r)} | ${ratio(r.ratioToNative)} | ${withoutSpectrumCell(r)} | ${escape(split)} | ${escape(r.machine)} |`,
    );
  }
  lines.push('', '| case | backend | test MSE, last iteration | test accuracy | difference to native |');
  lines.push('|---|---|---:|---:|---:|');
  for (const r of rows) {
    if (r.testMse === null) continue;
    const acc = r.testAccuracy === null ? '-' : `${(100 * r.testAccuracy).toFixed(1)}%`;
    const diff = r.mseDifference === null ? '-' : `${(100 * r.mseDifference).toFixed(2)}%`;
    lines.push(`| ${r.caseId} | ${r.label} | ${r.testMse.toPrecision(4)} | ${acc} | ${diff} |`);
  }
  if (notes.length > 0) lines.push('', 'Notes:', '', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
