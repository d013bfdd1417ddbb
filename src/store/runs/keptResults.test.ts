/**
 * Sweeps, lin-RFM runs and the phase grid are kept like RFM runs (issue 24, item 7): kept when they finish,
 * opened again without retraining, stored compact and read back through the runs schema, and refused when
 * their results do not match the kind of run their parameters describe.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { startLinRfm, type LinRfmRecord } from '../../experiments/linrfmExperiment';
import { jobFromParams } from '../../jobs/job';
import { presetParams } from '../../params/presets';
import type { Params } from '../../params/schema';
import type { PhaseCell } from '../../protocol/linrfmMessages';
import { selectLinRfmRecords, selectLinRfmSummary, selectRunPosition, selectSweepPoints } from '../selectors';
import { useAppStore } from '../store';
import { keptSize } from './keptResults';
import { exportRuns, importRuns, ImportError } from './serialise';

const initial = useAppStore.getInitialState();
const s = () => useAppStore.getState();

/** Plays a job through the store's actions, as the worker's events would, from the parameters set. */
async function playLinRfm(params: Params) {
  useAppStore.setState({ params });
  const job = jobFromParams(params);
  if (job.kind !== 'linrfm' && job.kind !== 'linrfm-phase') throw new Error('not a lin-RFM job');
  s().runRequested(s().runId + 1, job, params.iters + 1);
  const run = startLinRfm(job, params);
  s().linrfmStarted(run.summary);
  for await (const record of run.records) s().linrfmIterationCompleted(record);
  s().runFinished();
}

const completion = { ...presetParams('matrix-completion'), rows: 24, cols: 20, rank: 2, observed: 0.5, iters: 3 };

describe('kept sweeps and lin-RFM runs', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('keeps a finished matrix completion with its problem and records, and opens it again as it was', async () => {
    await playLinRfm(completion);
    const [run] = s().runs;
    expect(run?.results?.kind).toBe('linrfm');
    expect(keptSize(run!)).toBe('3 iterations');
    const shown = selectLinRfmRecords(s());
    s().runReset();
    s().openRun(run!.id);
    expect(selectLinRfmRecords(s()).map((r) => r.record.recoveryError)).toEqual(
      shown.map((r) => r.record.recoveryError),
    );
    expect(selectLinRfmSummary(s())?.kind).toBe('completion');
    expect(selectRunPosition(s())).toBe('iteration 3/3');
  });

  it('writes a kept lin-RFM run and a kept sweep to a runs file and reads them back through the schema', async () => {
    await playLinRfm(completion);
    await playLinRfm({ ...presetParams('sparse-recovery'), iters: 4 });
    const sweepParams = { ...presetParams('seed'), sweep: 'L' as const };
    useAppStore.setState({ params: sweepParams });
    const sweepJob = jobFromParams(sweepParams);
    s().runRequested(s().runId + 1, sweepJob, 2);
    const point = { value: 2, baselineTestMse: 0.4, finalTestMse: 0.1, bestTestMse: 0.1, bestIteration: 5 };
    const M = Float64Array.from({ length: 9 }, (_, i) => (i % 4 === 0 ? 1 : 0.25));
    s().sweepPointCompleted({ ...point, baselineTestAccuracy: null, finalTestAccuracy: null, M, d: 3 });
    s().runFinished();

    const back = importRuns(exportRuns(s().runs));
    expect(back.map((r) => [r.results?.kind, keptSize(r)])).toEqual([
      ['linrfm', '3 iterations'],
      ['linrfm', '4 iterations'],
      ['sweep', '1 point'],
    ]);
    const [kept, sparse, sweep] = back;
    const first = kept!.results?.kind === 'linrfm' ? kept!.results.records[1] : undefined;
    // float32 in the file, float64 again in memory (what the panels read).
    expect(first?.kind === 'completion' && first.record.singularValues).toBeInstanceOf(Float64Array);
    expect(sparse!.results?.kind === 'linrfm' && sparse!.results.summary?.kind).toBe('sparse');
    useAppStore.setState({ runs: back });
    s().openRun(sweep!.id);
    expect(selectSweepPoints(s()).map((p) => [p.value, p.finalTestMse, p.M[1]])).toEqual([[2, 0.1, 0.25]]);
  });

  it('keeps the phase grid as cells', () => {
    const params = { ...completion, linrfm: 'phase' as const };
    useAppStore.setState({ params });
    s().runRequested(s().runId + 1, jobFromParams(params), 48);
    s().linrfmStarted({ kind: 'phase', rows: 24, cols: 20, ranks: [1, 2], observed: [0.2, 0.4], threshold: 1e-3, iterations: 3, power: 0.5 }); // prettier-ignore
    const cell = (iteration: number): LinRfmRecord => ({
      kind: 'phase',
      record: { iteration, rank: 1, observed: 0.2, recoveryError: 0.5, success: false, degreesOfFreedom: 0.09, nuclearError: 0.4, nuclearConverged: true, nuclearSuccess: false } satisfies PhaseCell, // prettier-ignore
    });
    s().linrfmIterationCompleted(cell(0));
    s().linrfmIterationCompleted(cell(1));
    s().runFinished();
    const [run] = importRuns(exportRuns(s().runs));
    expect(keptSize(run!)).toBe('2 cells');
  });

  it('refuses a file whose results are not those of the run its parameters describe', async () => {
    await playLinRfm(completion);
    const [run] = s().runs;
    const file = exportRuns([{ ...run!, params: presetParams('seed') }]);
    expect(() => importRuns(file)).toThrow(ImportError);
    expect(() => importRuns(file)).toThrow(/results\.kind: must be rfm/);
  });
});
