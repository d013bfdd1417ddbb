/** The app's single training client, created on first use (it starts the worker). */
import { createTrainingClient, type TrainingClient } from './trainingClient';

let client: TrainingClient | null = null;

export function getEngine(): TrainingClient {
  client ??= createTrainingClient(
    (name) => new Worker(new URL('../worker/trainingWorker.ts', import.meta.url), { type: 'module', name }),
  );
  return client;
}
