/**
 * The recorded worker events that end-to-end tests of the UI replay instead of training (docs/architecture.md,
 * Testing). A fixture is JSON written by e2e/replay.ts from real runs: the backend each choice got, and for
 * each run (keyed by the parameters as its link writes them) the events the worker posted, with the time
 * each came, and the predictions it answered. Typed arrays are stored bit for bit: `{ "$typed": name,
 * "base64": bytes }`.
 *
 * This file only reads fixtures: JSON.parse, then a shape check. Nothing in a fixture can become code; the
 * events then take the path real worker events take (engine/replayWorker.ts posts them to workerHost).
 */
import { presetParams } from '../params/presets';
import { queryFromParams } from '../params/schema';
import {
  PROTOCOL_VERSION,
  type BackendChoice,
  type BackendInfo,
  type RunDescription,
  type WorkerEvent,
} from '../protocol/messages';

export const REPLAY_FORMAT = 'rfm-replay';

/** A run-scoped worker event as recorded (its run id is the recording's; the replay writes the current one). */
export type RunEvent = Extract<WorkerEvent, { runId: number }>;

export interface ReplayEvent {
  /** ms after the start command that the event arrived, in the recording. */
  at: number;
  event: RunEvent;
}

export interface ReplayPrediction {
  inputs: Float32Array;
  rows: number;
  outputs: Float32Array | null;
  message: string | null;
}

export interface ReplayRun {
  /** runKey of the run's description. */
  key: string;
  /** False when the recording cancelled the run before it ended: its events stop where it was cancelled. */
  complete: boolean;
  events: ReplayEvent[];
  predictions: ReplayPrediction[];
}

export type ReplayBackend = { info: BackendInfo } | { failed: string };

export interface ReplayFixture {
  format: typeof REPLAY_FORMAT;
  /** PROTOCOL_VERSION of the build that recorded it. */
  protocol: number;
  backends: Partial<Record<BackendChoice, ReplayBackend>>;
  runs: ReplayRun[];
}

/**
 * What identifies a run across recordings: its kind, the parameters that differ from its preset's (as its
 * link writes them, so a parameter added later with a default does not change old keys) and a digest of
 * the files or text the user brought.
 */
export function runKey(run: RunDescription): string {
  const assets = [run.assets.csv ? `csv:${run.assets.csv.name}:${digest(run.assets.csv.text)}` : '']
    .concat(run.assets.text !== undefined ? [`text:${digest(run.assets.text)}`] : [])
    .join(',');
  return `${run.job.kind}|${queryFromParams(run.params, presetParams).toString()}|${assets}`;
}

/** FNV-1a over UTF-16 code units: enough to tell two uploaded files apart in a key. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(h >>> 0).toString(16)}`;
}

const TYPED = {
  Float32Array,
  Float64Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Uint8Array,
  Uint8ClampedArray,
  Uint16Array,
  Uint32Array,
} as const;

function reviveTyped(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('$typed' in value)) return value;
  const { $typed, base64 } = value as { $typed: unknown; base64: unknown };
  if (typeof $typed !== 'string' || !Object.hasOwn(TYPED, $typed) || typeof base64 !== 'string')
    throw new Error(`a typed array of an unknown kind (${String($typed)})`);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const Kind = TYPED[$typed as keyof typeof TYPED];
  if (bytes.length % Kind.BYTES_PER_ELEMENT !== 0) throw new Error(`a ${$typed} of ${bytes.length} bytes`);
  return new Kind(bytes.buffer);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function checkRun(run: unknown, index: number): asserts run is ReplayRun {
  const where = `run ${index}`;
  if (!isObject(run) || typeof run.key !== 'string' || typeof run.complete !== 'boolean')
    throw new Error(`${where}: no key`);
  if (!Array.isArray(run.events) || !Array.isArray(run.predictions)) throw new Error(`${where}: no events`);
  run.events.forEach((e: unknown, k) => {
    const ok =
      isObject(e) &&
      Number.isFinite(e.at) &&
      isObject(e.event) &&
      typeof e.event.type === 'string' &&
      Number.isInteger(e.event.runId);
    if (!ok) throw new Error(`${where}, event ${k}: not a run event`);
  });
  run.predictions.forEach((p: unknown, k) => {
    if (!isObject(p) || !(p.inputs instanceof Float32Array) || !Number.isInteger(p.rows))
      throw new Error(`${where}, prediction ${k}: no inputs`);
  });
}

/** Reads a fixture's JSON text; throws, saying where, on anything that is not one. */
export function parseReplayFixture(text: string): ReplayFixture {
  const fixture: unknown = JSON.parse(text, (_key, value: unknown) => reviveTyped(value));
  if (!isObject(fixture) || fixture.format !== REPLAY_FORMAT) throw new Error(`not an ${REPLAY_FORMAT} fixture`);
  if (!Number.isInteger(fixture.protocol)) throw new Error('no protocol version');
  // A newer protocol's events may be of shapes this build cannot read; an older one's are read as recorded
  // (a protocol change that alters an event a fixture holds means recording it again: docs/architecture.md).
  if ((fixture.protocol as number) > PROTOCOL_VERSION)
    throw new Error(`recorded at protocol ${String(fixture.protocol)}, newer than this build's ${PROTOCOL_VERSION}`);
  if (!isObject(fixture.backends) || !Array.isArray(fixture.runs)) throw new Error('no backends or runs');
  fixture.runs.forEach(checkRun);
  return fixture as unknown as ReplayFixture;
}
