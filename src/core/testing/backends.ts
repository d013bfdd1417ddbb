/**
 * Runs one numeric test suite on every tfjs backend that works in Node (the tfjs habit of
 * `describeWithFlags` / `suite.each(devices)`): each suite sets its backend in `beforeAll`, and Vitest runs
 * the suites of a file one after the other, so the tests inside see that backend.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe } from 'vitest';

/** Backends available in Node without native add-ons. webgl and webgpu need a browser. */
export const NODE_BACKENDS = ['cpu', 'wasm'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

export async function useBackend(backend: string): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend could not be initialised`);
  await tf.ready();
}

/** describe(`${name} on the <backend> backend`, ...) once per Node backend. */
export function describeEachBackend(name: string, suite: (backend: NodeBackend) => void): void {
  describe.each(NODE_BACKENDS)(`${name} on the %s backend`, (backend) => {
    beforeAll(() => useBackend(backend));
    suite(backend);
  });
}
