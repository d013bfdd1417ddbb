import { describe, expect, it } from 'vitest';
import { formatMarkdown, median, summarize, type RunOutcome } from './benchReport';
import type { BenchRunResult, IterationSample } from './benchTypes';

function sample(iteration: number, wallMs: number, testMse = 1, pace = 1): IterationSample {
  const timings = { agop: iteration > 0 ? pace : 0, kernel: 2 * pace, solve: 3 * pace, predict: pace, spectrum: 1 };
  return { iteration, wallMs, timings, trainMse: 0, testMse, testAccuracy: null, backend: 'wasm' };
}

function outcome(label: string, walls: number[][], testMse: number, othersCpu = 0, pace = 1): RunOutcome {
  const result: BenchRunResult = {
    caseId: 'A',
    side: label.startsWith('native') ? 'native' : 'browser',
    backend: label,
    actualBackend: label,
    runs: walls.map((run) => ({ iterations: run.map((ms, t) => sample(t, ms, testMse, pace)), totalMs: 0 })),
    environment: {},
  };
  return { caseId: 'A', title: 'case A', label, status: 'ok', result, note: '', machine: 'cpu', othersCpu };
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('summarize', () => {
  const rows = summarize([
    outcome('native numpy', [[100, 10, 12, 11]], 2.0),
    outcome(
      'browser wasm',
      [
        [500, 20, 22, 24],
        [400, 30, 26, 28],
      ],
      2.1,
      0.5,
      2,
    ),
  ]);
  const [native, browser] = rows;

  it('leaves iteration 0 out and pools iterations 1..T over all repeats', () => {
    expect(native!.msPerIteration).toBe(11);
    expect(browser!.msPerIteration).toBe(25);
    expect(browser!.repeatMedians).toEqual([22, 28]);
    expect(browser!.iteration0Ms).toBe(450);
  });

  it('compares each backend with the native row of its case', () => {
    expect(native!.ratioToNative).toBeNull();
    expect(browser!.ratioToNative).toBeCloseTo(25 / 11);
    expect(browser!.mseDifference).toBeCloseTo(0.05);
  });

  it('compares the iteration without the spectrum too', () => {
    // Native phases: kernel 2, solve 3, predict 1, AGOP 1; the browser's take twice as long (spectrum 1 left out).
    expect(native!.msWithoutSpectrum).toBe(7);
    expect(browser!.msWithoutSpectrum).toBe(14);
    expect(browser!.ratioWithoutSpectrum).toBeCloseTo(2);
    const markdown = formatMarkdown(rows, ['# bench'], []);
    expect(markdown).toContain('| 14.0 (2.00x) |');
  });

  it('splits the time by phase and puts the rest under other', () => {
    expect(native!.split).toEqual({ kernel: 2, solve: 3, predict: 1, agop: 1, spectrum: 1, other: 3 });
  });

  it('stars a time that other processes disturbed', () => {
    const markdown = formatMarkdown(rows, ['# bench'], []);
    expect(markdown).toContain('| 25.0 (22.0-28.0) * |');
    expect(markdown).not.toContain('| 11.0 * |');
  });
});
