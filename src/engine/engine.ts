/**
 * The app's single training client, created on first use (it starts the worker). A replaying end-to-end
 * test (replayWorker.ts) gets the stand-in that plays recorded events instead.
 */
import { createReplayWorker, replayFromPage } from './replayWorker';
import { createTrainingClient, type TrainingClient } from './trainingClient';

let client: TrainingClient | null = null;

export function getEngine(): TrainingClient {
  if (client) return client;
  const replay = replayFromPage();
  client = createTrainingClient(
    replay
      ? (name) => createReplayWorker(name, replay.fixture, replay.maxGapMs)
      : (name) => new Worker(new URL('../worker/trainingWorker.ts', import.meta.url), { type: 'module', name }),
  );
  return client;
}
