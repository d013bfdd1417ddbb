import { describe, expect, it } from 'vitest';
import { demoRun } from './demoRecords.testing';
import { ImportError, exportRuns, importRuns, restoreRun, storeRun, storedBytes } from './serialise';

describe('stored runs', () => {
  it('keep M, spectra and eigenvectors as float32 and every scalar exactly', () => {
    const run = demoRun('a', 1);
    const stored = storeRun(run);
    expect(stored.records[0]!.M).toBeInstanceOf(Float32Array);
    expect(stored.records[0]!.mEigenvectors).toHaveLength(4 * 10);
    const back = restoreRun(stored);
    const [before, after] = [run.records[3]!, back.records[3]!];
    expect(after.testMse).toBe(before.testMse);
    expect(after.mEigenvectors).toHaveLength(4);
    for (let k = 0; k < before.M.length; k++) expect(after.M[k]).toBeCloseTo(before.M[k]!, 6);
    expect(after.mEigenvectors[2]![7]).toBeCloseTo(before.mEigenvectors[2]![7]!, 6);
    expect(back.params).toEqual(run.params);
  });

  it('measure their size as typed-array bytes plus the JSON of the rest', () => {
    const stored = storeRun(demoRun('a', 1));
    const typed = stored.records.reduce(
      (sum, r) =>
        sum + r.M.byteLength + r.mEigenvalues.byteLength + r.mEigenvectors.byteLength + r.kernelEigenvalues.byteLength,
      0,
    );
    expect(storedBytes(stored)).toBeGreaterThan(typed);
    expect(storedBytes(stored)).toBeLessThan(typed + 12_000);
  });

  it('of 50 default-demo runs take well under a megabyte', () => {
    const runs = Array.from({ length: 50 }, (_, k) => demoRun(String(k), k + 1));
    const total = runs.reduce((sum, run) => sum + storedBytes(storeRun(run)), 0);
    const file = exportRuns(runs).length;
    // Reported in the closing note: storage used by 50 runs of the default demo.
    console.log(
      `50 default-demo runs: ${total} bytes stored (${(total / 1024).toFixed(1)} KiB), export file ${file} bytes`,
    );
    expect(total).toBeLessThan(1024 * 1024);
  });
});

describe('export and import', () => {
  it('round-trips every run through one JSON file', () => {
    const runs = [demoRun('a', 1, { pinned: true, name: 'wide bandwidth' }), demoRun('b', 2)];
    const back = importRuns(exportRuns(runs));
    expect(back.map((r) => [r.id, r.name, r.pinned])).toEqual([
      ['a', 'wide bandwidth', true],
      ['b', 'run b', false],
    ]);
    expect(Array.from(back[1]!.records[5]!.M)).toEqual(Array.from(Float32Array.from(runs[1]!.records[5]!.M)));
  });

  it('keeps a pinned sweep point’s final M', () => {
    const point = {
      value: 20,
      baselineTestMse: 0.5,
      finalTestMse: 0.1,
      bestTestMse: 0.1,
      bestIteration: 3,
      baselineTestAccuracy: null,
      finalTestAccuracy: null,
      M: Float64Array.of(1, 0.5, 0.5, 2),
      d: 2,
    };
    const [back] = importRuns(exportRuns([demoRun('p', 1, { records: [], outcome: 'sweep point', point })]));
    expect(Array.from(back!.point!.M)).toEqual([1, 0.5, 0.5, 2]);
    expect(back!.point!.finalTestMse).toBe(0.1);
  });

  it('refuses other files with a plain reason', () => {
    expect(() => importRuns('not json')).toThrow(ImportError);
    expect(() => importRuns('{"format":"something else"}')).toThrow(/not an RFM Explorer runs file/);
    expect(() => importRuns('{"format":"rfm-explorer-runs","version":9,"runs":[]}')).toThrow(/version 9/);
    expect(() => importRuns('{"format":"rfm-explorer-runs","version":1,"runs":[{"id":"x"}]}')).toThrow(/run 1/);
  });
});
