/**
 * Chooses the tfjs backend for a CLI run in Node: wasm (SIMD, the default, and the backend the browser app
 * falls back to) or the pure-JS cpu backend. Importing the wasm package registers it; its .wasm binaries are
 * read from the package's own folder, so nothing is fetched.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { NodeBackend } from './args';

/** Activates `name` and returns the name tfjs reports. Throws when the backend cannot start. */
export async function activateBackend(name: NodeBackend): Promise<string> {
  // Silences tfjs' console advice (e.g. to install tfjs-node); the CLI owns stderr.
  tf.enableProdMode();
  let ok = false;
  try {
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (error) {
    throw new Error(`the ${name} backend failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!ok || tf.getBackend() !== name) throw new Error(`the ${name} backend failed to start`);
  return tf.getBackend();
}
