import { afterEach, describe, expect, it } from 'vitest';
import { defaultParams } from '../params/schema';
import { jobFromParams } from '../jobs/job';
import { PROTOCOL_VERSION, type RunDescription, type WorkerCommandBody, type WorkerEvent } from '../protocol/messages';
import { parseReplayFixture, runKey } from './replayFixture';
import { createReplayWorker } from './replayWorker';
import type { WorkerPort } from './workerHost';

const typed = (array: Float32Array | Float64Array) => ({
  $typed: array.constructor.name,
  base64: Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64'),
});

function describeRun(overrides: Record<string, unknown> = {}): RunDescription {
  const params = { ...defaultParams(), n: 300, ntest: 100, iters: 2, ...overrides };
  return { params, assets: {}, job: jobFromParams(params) };
}

const M = new Float64Array([1, 0.1 + 0.2, -0, 5e-324]);
const record = (iteration: number) => ({ iteration, d: 2, M: typed(M), trainMse: 1 / (iteration + 1) });
/** A recorded two-iteration run (run id 1 in the recording), with one prediction. */
function fixtureText(protocol = PROTOCOL_VERSION): string {
  const events: Array<{ at: number; event: Record<string, unknown> }> = [
    { at: 5, event: { type: 'runStarted', runId: 1, dataset: { d: 2 } } },
    { at: 6, event: { type: 'progressed', runId: 1, progress: { iteration: 0, phase: 'kernel', fraction: 0 } } },
    { at: 9, event: { type: 'iterationCompleted', runId: 1, record: record(0) } },
    { at: 10, event: { type: 'progressed', runId: 1, progress: { iteration: 1, phase: 'agop', fraction: 0 } } },
    { at: 14, event: { type: 'iterationCompleted', runId: 1, record: record(1) } },
    { at: 15, event: { type: 'runFinished', runId: 1 } },
    { at: 40, event: { type: 'predictorEvaluated', runId: 1, requestId: 1, view: { d: 2 }, message: null } },
  ];
  return JSON.stringify({
    format: 'rfm-replay',
    protocol,
    backends: { auto: { info: { name: 'wasm', reason: 'recorded', adapter: null, threads: true } } },
    runs: [
      {
        key: runKey(describeRun()),
        complete: true,
        events,
        predictions: [
          { inputs: typed(new Float32Array([1, 2])), rows: 1, outputs: typed(new Float32Array([3])), message: null },
        ],
      },
    ],
  });
}

let open: WorkerPort | null = null;
afterEach(() => open?.terminate());

/** A replay worker and the events it has posted, with a way to wait for one. */
function replay(text = fixtureText(), maxGapMs = 0) {
  const events: WorkerEvent[] = [];
  /** The task each event arrived in: events dispatched in one task share a number. */
  const tasks: number[] = [];
  let task = 0;
  let inTask = false;
  const waiters: Array<() => void> = [];
  const worker: WorkerPort = createReplayWorker('rfm-training-test', parseReplayFixture(text), maxGapMs);
  open = worker; // terminated after the test
  worker.onmessage = (message) => {
    if (!inTask) {
      task++;
      inTask = true;
      queueMicrotask(() => (inTask = false));
    }
    tasks.push(task);
    events.push(message.data);
    for (const wake of waiters.splice(0)) wake();
  };
  const until = async (predicate: (events: WorkerEvent[]) => boolean) => {
    while (!predicate(events)) await new Promise<void>((wake) => waiters.push(wake));
  };
  const send = (command: WorkerCommandBody) =>
    worker.postMessage({ ...command, version: PROTOCOL_VERSION } as Parameters<WorkerPort['postMessage']>[0], []);
  return { worker, events, tasks, until, send, types: () => events.map((e) => e.type) };
}

describe('replay fixtures', () => {
  it('revive typed arrays bit for bit and refuse kinds that are not typed arrays', () => {
    const fixture = parseReplayFixture(fixtureText());
    const event = fixture.runs[0]!.events[2]!.event as Extract<WorkerEvent, { type: 'iterationCompleted' }>;
    expect(event.record.M).toBeInstanceOf(Float64Array);
    expect([...event.record.M].map((v) => Object.is(v, -0) || v)).toEqual([1, 0.1 + 0.2, true, 5e-324]);
    expect(() => parseReplayFixture('{"format":"rfm-replay","x":{"$typed":"Function","base64":""}}')).toThrow(
      'unknown kind (Function)',
    );
    expect(() => parseReplayFixture('{"format":"something else"}')).toThrow('not an rfm-replay fixture');
    const noRunId = fixtureText().replace('"runId":1,"dataset"', '"dataset"');
    expect(() => parseReplayFixture(noRunId)).toThrow('run 0, event 0: not a run event');
  });

  it('key a run by the parameters its link writes, so a parameter left at its default does not count', () => {
    expect(runKey(describeRun())).toBe('rfm|n=300&ntest=100&iters=2|');
    expect(runKey(describeRun({ sweep: 'L', from: 2, to: 10, steps: 2 }))).toMatch(/^sweep\|/);
    const csv = (text: string) => ({ ...describeRun(), assets: { csv: { name: 'a.csv', text } } });
    expect(runKey(csv('x,y\n1,2'))).not.toBe(runKey(csv('x,y\n1,3')));
  });
});

describe('the replay worker', () => {
  it('says it is ready, names the recorded backend and plays a run under the current run id', async () => {
    const r = replay();
    await r.until((e) => e.some((x) => x.type === 'workerReady'));
    expect(r.events[0]).toMatchObject({ type: 'workerReady', version: PROTOCOL_VERSION });
    r.send({ type: 'selectBackend', choice: 'auto' });
    r.send({ type: 'start', runId: 7, run: describeRun(), mode: 'play' });
    await r.until((e) => e.some((x) => x.type === 'runFinished'));
    expect(r.types().slice(1)).toEqual([
      'backendSelected',
      'runStarted',
      'progressed',
      'iterationCompleted',
      'progressed',
      'iterationCompleted',
      'runFinished',
    ]);
    expect(r.events.slice(2).every((e) => 'runId' in e && e.runId === 7)).toBe(true);
    // The model of the finished run answers the recorded prediction, and only that one.
    r.send({ type: 'predict', runId: 7, requestId: 1, inputs: new Float32Array([1, 2]), rows: 1 });
    r.send({ type: 'predict', runId: 7, requestId: 2, inputs: new Float32Array([1, 3]), rows: 1 });
    await r.until((e) => e.filter((x) => x.type === 'predicted').length === 2);
    const [hit, miss] = r.events.filter((e) => e.type === 'predicted');
    expect([...hit!.outputs!]).toEqual([3]);
    expect(miss).toMatchObject({ outputs: null, message: 'this replay recorded no prediction for these inputs' });
  });

  it('answers predictor requests when the page asks, in the recorded order, under its request id', async () => {
    const r = replay();
    r.send({ type: 'start', runId: 3, run: describeRun(), mode: 'play' });
    await r.until((e) => e.some((x) => x.type === 'runFinished'));
    await new Promise((wake) => setTimeout(wake, 20));
    expect(r.types()).not.toContain('predictorEvaluated');
    const request = { type: 'evaluatePredictor', runId: 3, requestId: 9, request: {} } as unknown as WorkerCommandBody;
    r.send(request);
    r.send({ ...request, requestId: 10 } as WorkerCommandBody);
    await r.until((e) => e.filter((x) => x.type === 'predictorEvaluated').length === 2);
    const [first, second] = r.events.filter((e) => e.type === 'predictorEvaluated');
    expect(first).toMatchObject({ runId: 3, requestId: 9, view: { d: 2 }, message: null });
    expect(second).toMatchObject({ requestId: 10, view: null, message: expect.stringContaining('no more') });
  });

  it('steps one iteration at a time, resumes, and gives fresh arrays each time a run is played', async () => {
    const r = replay();
    r.send({ type: 'start', runId: 1, run: describeRun(), mode: 'step' });
    await r.until((e) => e.some((x) => x.type === 'runPaused'));
    await new Promise((wake) => setTimeout(wake, 20));
    expect(r.types().filter((t) => t === 'iterationCompleted')).toHaveLength(1);
    r.send({ type: 'step', runId: 1 });
    await r.until((e) => e.filter((x) => x.type === 'runPaused').length === 2);
    expect(r.types().filter((t) => t === 'iterationCompleted')).toHaveLength(2);
    r.send({ type: 'resume', runId: 1 });
    await r.until((e) => e.some((x) => x.type === 'runFinished'));
    r.send({ type: 'start', runId: 2, run: describeRun(), mode: 'play' });
    await r.until((e) => e.filter((x) => x.type === 'runFinished').length === 2);
    const records = r.events.filter((e) => e.type === 'iterationCompleted').map((e) => e.record.M);
    expect(records[0]).toEqual(records[2]);
    expect(records[0]).not.toBe(records[2]);
  });

  it('posts the events of less than a frame together, in one task, and ends a task at each iteration', async () => {
    // 31 ms pass between the first iteration and the second's progress: a frame, so a task of its own.
    const text = fixtureText()
      .replace('"at":10,', '"at":40,')
      .replace('"at":14,', '"at":44,')
      .replace('"at":15,', '"at":45,');
    const r = replay(text, 100);
    r.send({ type: 'selectBackend', choice: 'auto' });
    r.send({ type: 'start', runId: 1, run: describeRun(), mode: 'play' });
    await r.until((events) => events.some((e) => e.type === 'runFinished'));
    const run = r.events.flatMap((e, i) => ('runId' in e && e.runId === 1 ? [[e.type, r.tasks[i]!] as const] : []));
    const first = run[0]![1];
    expect(run).toEqual([
      ['runStarted', first],
      ['progressed', first],
      ['iterationCompleted', first],
      ['progressed', first + 1],
      ['iterationCompleted', first + 1],
      ['runFinished', first + 1],
    ]);
  });

  it('keeps a run whose recording stops mid-run going: a pause asked after its last event still pauses it', async () => {
    const cut = JSON.parse(fixtureText());
    cut.runs[0].complete = false;
    cut.runs[0].events = cut.runs[0].events.slice(0, 3); // up to iteration 0's record
    const r = replay(JSON.stringify(cut));
    r.send({ type: 'start', runId: 1, run: describeRun(), mode: 'play' });
    await r.until((e) => e.some((x) => x.type === 'iterationCompleted'));
    await new Promise((wake) => setTimeout(wake, 20)); // past the recording's end
    r.send({ type: 'pause', runId: 1 });
    await r.until((e) => e.some((x) => x.type === 'runPaused'));
    r.send({ type: 'cancel', runId: 1 });
    await r.until((e) => e.some((x) => x.type === 'runCancelled'));
    expect(r.types().filter((t) => t === 'iterationCompleted')).toHaveLength(1);
  });

  it('cancels the current run when another starts, and fails a run it has no recording of, saying how to record one', async () => {
    const r = replay();
    r.send({ type: 'start', runId: 1, run: describeRun(), mode: 'step' });
    await r.until((e) => e.some((x) => x.type === 'runPaused'));
    r.send({ type: 'start', runId: 2, run: describeRun({ L: 3 }), mode: 'play' });
    await r.until((e) => e.some((x) => x.type === 'runFailed'));
    expect(r.events.find((e) => e.type === 'runCancelled')).toMatchObject({ runId: 1 });
    expect(r.events.find((e) => e.type === 'runFailed')).toMatchObject({
      runId: 2,
      message: expect.stringContaining('npm run fixtures:e2e'),
    });
  });

  it('replays a fixture of an older protocol under the page version, and refuses one of a newer protocol', async () => {
    const r = replay(fixtureText(PROTOCOL_VERSION - 1));
    await r.until((e) => e.length > 0);
    expect(r.events[0]).toMatchObject({ type: 'workerReady', version: PROTOCOL_VERSION });
    expect(() => parseReplayFixture(fixtureText(PROTOCOL_VERSION + 1))).toThrow('newer than this build');
  });
});
