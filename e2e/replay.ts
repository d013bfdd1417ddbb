/**
 * Tests of the UI that replay recorded worker events instead of training (docs/architecture.md, Testing).
 * `replayed(test)` at the top of a spec (or inside a describe) gives each of its tests a page whose training
 * worker is the stand-in of src/engine/replayWorker.ts, playing the events recorded for that test in
 * e2e/fixtures/<spec>/<test>.json. The test itself is unchanged: it reads what a person sees.
 *
 * Fixtures are recorded from real runs, on purpose only: `npm run fixtures:e2e [-- e2e/<spec>.spec.ts]`
 * (scripts/record-e2e-fixtures.mjs) runs the same tests with E2E_RECORD=1, training for real, and writes the
 * fixture of each test that passed. A test whose fixture is missing, or recorded at a newer protocol
 * version than the app's, fails and says to record it; one recorded at an older version replays (the events
 * it holds kept their shape unless the protocol change says otherwise: then record it again).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect, type test as base, type TestInfo } from '@playwright/test';
import { PROTOCOL_VERSION } from '../src/protocol/messages';
import { fixtureFromLog, recordContext, settleRecording, type RecordedMessage } from './replayRecorder';

export const RECORDING = process.env.E2E_RECORD === '1';
export const FIXTURES = join(dirname(new URL(import.meta.url).pathname), 'fixtures');

export interface ReplayOptions {
  /**
   * The longest pause between two replayed events in ms: the recording's pace, capped. Default 4: the page
   * draws about once per 16 ms of replay, so a shorter replay draws fewer frames (the replayed tests: 364
   * against 413 CPU-s at 20 ms, back to back, all passing); a test that watches a run's pace sets its own.
   */
  maxGapMs?: number;
}

/** e2e/fixtures/<spec>/<title>-<hash>.json: one file per test, named after its title. */
export function fixturePath(info: Pick<TestInfo, 'file' | 'titlePath'>): string {
  const spec = basename(info.file).replace(/\.spec\.ts$/, '');
  const title = info.titlePath.slice(1).join(' > ');
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
  return join(FIXTURES, spec, `${slug}-${(h >>> 0).toString(16).padStart(8, '0')}.json`);
}

function readFixture(path: string): string {
  const record = `record it with: npm run fixtures:e2e -- e2e/${basename(dirname(path))}.spec.ts`;
  if (!existsSync(path)) throw new Error(`no replay fixture ${path}: ${record}`);
  const text = readFileSync(path, 'utf8');
  const { protocol } = JSON.parse(text) as { protocol?: number };
  if (protocol === undefined || protocol > PROTOCOL_VERSION)
    throw new Error(`${path} was recorded at protocol ${protocol}, the app speaks ${PROTOCOL_VERSION}: ${record}`);
  return text;
}

/** Replays (or, with E2E_RECORD=1, records) the training of every test that `test` declares after this call. */
export function replayed(test: typeof base, { maxGapMs = 4 }: ReplayOptions = {}): void {
  let log: RecordedMessage[] | null = null;
  test.beforeEach(async ({ context }, info) => {
    const path = fixturePath(info);
    info.annotations.push({ type: RECORDING ? 'recording' : 'replay', description: path });
    if (RECORDING) {
      log = await recordContext(context);
      return;
    }
    const seam = { fixture: readFixture(path), maxGapMs };
    await context.addInitScript((value) => {
      Object.defineProperty(globalThis, '__rfmReplay', { value: Object.freeze(value) });
    }, seam);
  });
  test.afterEach(async ({ context }, info) => {
    if (!RECORDING) {
      // A replayed test trained nothing: no page of it started the training worker.
      const training = context.pages().flatMap((page) => page.workers().filter((w) => /trainingWorker/.test(w.url())));
      if (info.status === info.expectedStatus)
        expect(
          training.map((w) => w.url()),
          'training workers a replayed test started',
        ).toEqual([]);
      return;
    }
    if (!log) return;
    await settleRecording(context, log);
    const recorded = log;
    log = null;
    if (info.status !== info.expectedStatus) return;
    const path = fixturePath(info);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(fixtureFromLog(recorded), null, 1)}\n`);
  });
}
