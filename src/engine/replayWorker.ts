/**
 * A stand-in for the training worker that replays recorded events instead of training, for end-to-end
 * tests of the UI (docs/architecture.md, Testing). It answers the commands the real worker answers, the
 * same way: it says it is ready (holding its liveness lock, or beating a heartbeat where locks are
 * refused), names the backend the recording got, plays a run's events at their recorded pace (each gap
 * capped), pauses, steps and cancels through the worker's own RunControl, and answers predictions it
 * recorded. A run it has no recording of fails with a message that says how to record one.
 *
 * The seam: `globalThis.__rfmReplay`, which only a script in the page can set (Playwright's addInitScript;
 * a link, an embed attribute or a message cannot). It carries the fixture's JSON text, read by
 * replayFixture.ts as data (a fixture of a newer protocol than the page's is refused); the events it holds
 * then take the path of real worker events (the client's stale-run filter and exhaustive switch). In any other page it is absent and
 * the app starts the real worker.
 */
import { PROTOCOL_VERSION, protocolMismatch, type WorkerCommand, type WorkerEvent } from '../protocol/messages';
import { RunCancelled, RunControl } from '../worker/runControl';
import { parseReplayFixture, runKey, type ReplayFixture, type ReplayRun, type RunEvent } from './replayFixture';
import type { WorkerPort } from './workerHost';

/** How often a run whose recording has run out looks for a pause or cancel. */
const STILL_RUNNING_POLL_MS = 50;

/** What the page's init script puts in `globalThis.__rfmReplay`. */
export interface ReplaySeam {
  /** The fixture's JSON text. */
  fixture: string;
  /** The longest pause between two replayed events, in ms (the recording's own gaps are kept below it). */
  maxGapMs?: number;
}

/** The seam's fixture, read; null where the page set none (every page but a replaying test's). */
export function replayFromPage(): { fixture: ReplayFixture | Error; maxGapMs: number } | null {
  const seam = (globalThis as { __rfmReplay?: unknown }).__rfmReplay;
  if (typeof seam !== 'object' || seam === null) return null;
  const { fixture, maxGapMs } = seam as Partial<ReplaySeam>;
  const gap = typeof maxGapMs === 'number' && maxGapMs >= 0 ? maxGapMs : 20;
  try {
    if (typeof fixture !== 'string') throw new Error('no fixture text');
    return { fixture: parseReplayFixture(fixture), maxGapMs: gap };
  } catch (error) {
    return { fixture: new Error(`replay fixture: ${(error as Error).message}`), maxGapMs: gap };
  }
}

const TERMINAL = new Set<WorkerEvent['type']>(['runFinished', 'runFailed']);
/** Events after which the real worker calls RunControl.iterationDone (a step ends there): one per kind's record. */
const RECORDS = new Set<WorkerEvent['type']>([
  'iterationCompleted',
  'nnEpochCompleted',
  'linrfmIterationCompleted',
  'convIterationCompleted',
  'deepLayerCompleted',
]);

/** Recorded answers to the page's requests (they carry its request id), not part of a run's stream. */
const ANSWERS = new Set<WorkerEvent['type']>(['predictorEvaluated']);
type PredictorAnswer = Extract<WorkerEvent, { type: 'predictorEvaluated' }>;
const isPredictorAnswer = (event: RunEvent): event is PredictorAnswer => event.type === 'predictorEvaluated';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Events whose capped gaps add up to less than a frame go out together, in one task: as a busy worker's
 * messages reach the page between two of its frames. One task per event (a sleep, a checkpoint's yield and
 * a post each) gave the page a frame per event in the headless shell, which draws when asked: the catapults
 * replay (305 events) took 6.5 s of rendering.
 */
const FRAME_MS = 16;

export function createReplayWorker(name: string, fixture: ReplayFixture | Error, maxGapMs: number): WorkerPort {
  let terminated = false;
  let releaseLock: (() => void) | null = null;
  let heartbeat: { timer: ReturnType<typeof setInterval>; port: MessagePort } | null = null;
  let current: { runId: number; control: RunControl; done: Promise<void> } | null = null;
  /** The last finished run: the one the real worker keeps a model of for predictions. */
  let model: { runId: number; run: ReplayRun } | null = null;
  /**
   * The predictor views recorded for the current run, answered in the order the page asks for them (the
   * page asks the same sequence again in a replay of the same test; the request's payload is not recorded).
   */
  let views: { runId: number; answers: PredictorAnswer[] } | null = null;

  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (command: WorkerCommand) => {
      if (!terminated) setTimeout(() => receive(command), 0);
    },
    terminate: () => {
      terminated = true;
      current?.control.cancel();
      clearInterval(heartbeat?.timer);
      heartbeat?.port.close();
      releaseLock?.();
    },
  };

  /** Posted as a message is: later, in order, and never after terminate; those posted in one task arrive in one. */
  let outbox: WorkerEvent[] = [];
  const post = (event: WorkerEvent) => {
    outbox.push(event);
    if (outbox.length > 1) return;
    setTimeout(() => {
      const events = outbox;
      outbox = [];
      for (const data of events) if (!terminated) port.onmessage?.(new MessageEvent('message', { data }));
    }, 0);
  };

  if (fixture instanceof Error) {
    // As a worker whose script fails to load: workerHost reports it in words.
    // An Event with the message ErrorEvent carries (Node, where the unit tests run, has no ErrorEvent).
    const error = Object.assign(new Event('error', { cancelable: true }), { message: fixture.message });
    setTimeout(() => port.onerror?.(error as ErrorEvent), 0);
    return port;
  }
  const recorded = fixture;

  const play = async (runId: number, run: ReplayRun, control: RunControl) => {
    let previous = 0;
    /** Capped gaps not slept yet (FRAME_MS). */
    let owed = 0;
    let first = true;
    let afterRecord = false;
    for (const { at, event } of run.events) {
      if (ANSWERS.has(event.type)) continue; // answers to the page's requests, given when it asks
      owed += Math.min(Math.max(at - previous, 0), maxGapMs);
      previous = at;
      const slept = owed >= FRAME_MS;
      if (slept) {
        await sleep(owed);
        owed = 0;
      }
      // Pause, step and cancel take effect at a checkpoint: at the first event, after a sleep, and after each
      // iteration's record (where a step ends), as in the worker; not between the events of one task.
      if (!TERMINAL.has(event.type) && (first || slept || afterRecord)) await control.checkpoint();
      first = false;
      // A copy each time: the real worker transfers fresh buffers, and a run may be replayed twice.
      post({ ...structuredClone(event), runId });
      afterRecord = RECORDS.has(event.type);
      if (afterRecord) control.iterationDone();
      if (event.type === 'runFinished') model = { runId, run };
    }
    // A recording that stops mid-run (its test paused or left the run going) stands for a run still going: it
    // keeps answering pause and cancel at checkpoints, as the worker would, instead of ignoring them for ever.
    if (!run.complete)
      for (;;) {
        await sleep(STILL_RUNNING_POLL_MS);
        await control.checkpoint();
      }
  };

  const start = (command: Extract<WorkerCommand, { type: 'start' }>) => {
    const { runId, mode } = command;
    const key = runKey(command.run);
    const run = recorded.runs.find((r) => r.key === key && r.complete) ?? recorded.runs.find((r) => r.key === key);
    const control = new RunControl(mode, () => post({ type: 'runPaused', runId }));
    const previous = current;
    previous?.control.cancel();
    const done = (async () => {
      await previous?.done;
      try {
        control.throwIfCancelled();
        if (run) await play(runId, run, control);
        else
          post({
            type: 'runFailed',
            runId,
            message: `this replay has no recorded run for ${key}: record one with npm run fixtures:e2e`,
            retryable: false,
          });
      } catch (error) {
        if (!(error instanceof RunCancelled)) throw error;
        post({ type: 'runCancelled', runId });
      }
    })();
    current = { runId, control, done };
    views = { runId, answers: (run?.events ?? []).map((e) => e.event).filter(isPredictorAnswer) };
    void done.then(() => {
      if (current?.runId === runId) current = null;
    });
  };

  const predict = (command: Extract<WorkerCommand, { type: 'predict' }>) => {
    const { runId, requestId, inputs, rows } = command;
    const answer =
      model?.runId === runId
        ? model.run.predictions.find((p) => p.rows === rows && sameValues(p.inputs, inputs))
        : undefined;
    post({
      type: 'predicted',
      runId,
      requestId,
      outputs: answer?.outputs ? answer.outputs.slice() : null,
      message: answer
        ? answer.message
        : model?.runId === runId
          ? 'this replay recorded no prediction for these inputs'
          : 'the model of this run is no longer available',
    });
  };

  const evaluatePredictor = (command: Extract<WorkerCommand, { type: 'evaluatePredictor' }>) => {
    const { runId, requestId } = command;
    const answer = views?.runId === runId ? views.answers.shift() : undefined;
    post(
      answer
        ? { ...structuredClone(answer), runId, requestId }
        : {
            type: 'predictorEvaluated',
            runId,
            requestId,
            view: null,
            message: 'this replay recorded no more predictor views for this run',
          },
    );
  };

  const receive = (command: WorkerCommand) => {
    if (terminated) return;
    if (protocolMismatch(PROTOCOL_VERSION, command.version) !== null) {
      post({ type: 'protocolMismatch', version: PROTOCOL_VERSION, received: command.version });
      return;
    }
    const forRun = (runId: number, action: (control: RunControl) => void) => {
      if (current?.runId === runId) action(current.control);
    };
    switch (command.type) {
      case 'selectBackend': {
        current?.control.cancel();
        const backend = recorded.backends[command.choice];
        if (backend && 'info' in backend) post({ type: 'backendSelected', info: backend.info });
        else
          post({
            type: 'backendFailed',
            message: backend?.failed ?? `this replay recorded no backend for the choice ${command.choice}`,
          });
        return;
      }
      case 'start':
        return start(command);
      case 'predict':
        return predict(command);
      case 'evaluatePredictor':
        return evaluatePredictor(command);
      case 'pause':
        return forRun(command.runId, (c) => c.pause());
      case 'resume':
      case 'step':
        return forRun(command.runId, (c) => {
          c.resume(command.type === 'step' ? 'step' : 'play');
          post({ type: 'runResumed', runId: command.runId });
        });
      case 'cancel':
        return forRun(command.runId, (c) => c.cancel());
      default: {
        // Every command has a case: a new one fails to compile until the replay answers it as the worker does.
        const unanswered: never = command;
        return unanswered;
      }
    }
  };

  // Ready once it holds its liveness lock, as worker/liveness.ts does; with locks refused, a heartbeat.
  const ready = (beats?: MessagePort) => post(readyEvent(beats));
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  const withHeartbeat = () => {
    const channel = new MessageChannel();
    heartbeat = { timer: setInterval(() => channel.port1.postMessage(0), 250), port: channel.port1 };
    ready(channel.port2);
  };
  if (!locks) withHeartbeat();
  else
    locks
      .request(name, () => {
        ready();
        return new Promise<void>((release) => (releaseLock = release));
      })
      .catch(withHeartbeat);
  return port;
}

function readyEvent(beats?: MessagePort): WorkerEvent {
  // The page's version: parseReplayFixture refused a fixture of a newer protocol; an older one holds only
  // events this build still reads, unless one of them changed shape (then its fixtures are recorded again).
  return { type: 'workerReady', version: PROTOCOL_VERSION, ...(beats ? { heartbeat: beats } : {}) };
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
