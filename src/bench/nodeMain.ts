/**
 * The Node side of `npm run bench`, started by scripts/bench.mjs through tsx:
 *   tsx src/bench/nodeMain.ts --case A --backend wasm --repeats 3 [--quick] --out result.json
 * Runs one case on the tfjs wasm (SIMD, single-threaded in Node) or cpu backend and writes a
 * BenchRunResult as JSON. A fresh process per case and backend keeps runs independent.
 */
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { activateBackend } from '../cli/backend';
import { benchCase } from './cases';
import { runBenchCase } from './runCase';
import type { BenchRunResult } from './benchTypes';

interface NodeBenchArgs {
  caseId: string;
  backend: 'wasm' | 'cpu';
  repeats: number;
  quick: boolean;
  out: string;
}

function parseArgs(argv: string[]): NodeBenchArgs {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const backend = value('--backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new Error(`invalid Node backend: ${backend} (use wasm or cpu)`);
  const repeats = Number(value('--repeats') ?? 3);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`invalid --repeats: ${value('--repeats')}`);
  const caseId = value('--case');
  const out = value('--out');
  if (!caseId || !out)
    throw new Error('usage: nodeMain.ts --case A --backend wasm|cpu --repeats 3 [--quick] --out file.json');
  return { caseId, backend, repeats, quick: argv.includes('--quick'), out };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const spec = benchCase(args.caseId, args.quick);
  const actualBackend = await activateBackend(args.backend);
  const runs = await runBenchCase({
    dataset: spec.makeDataset(),
    options: spec.options,
    repeats: args.repeats,
    onIteration: (repeat, sample) =>
      process.stderr.write(
        `  node-${args.backend} ${spec.id} repeat ${repeat + 1} iteration ${sample.iteration}: ${sample.wallMs.toFixed(0)} ms\n`,
      ),
  });
  const result: BenchRunResult = {
    caseId: spec.id,
    side: 'node',
    backend: args.backend,
    actualBackend,
    runs,
    environment: {
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      threads: actualBackend === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) : null,
      simd: actualBackend === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : null,
    },
  };
  await writeFile(args.out, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
