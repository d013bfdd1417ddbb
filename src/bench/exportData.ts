/**
 * Writes a case's data for the native reference (scripts/bench_native.py): meta.json with the sizes and
 * RFM options, and the four arrays as row-major little-endian float32 files. Node only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchCase } from './cases';

export interface CaseMeta {
  caseId: string;
  title: string;
  nTrain: number;
  nTest: number;
  d: number;
  c: number;
  accuracy: string;
  options: BenchCase['options'];
}

function littleEndianBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

/** Builds the case's dataset and writes it under `folder`; returns what meta.json holds. */
export async function exportCaseData(spec: BenchCase, folder: string): Promise<CaseMeta> {
  const data = spec.makeDataset();
  const meta: CaseMeta = {
    caseId: spec.id,
    title: spec.title,
    nTrain: data.nTrain,
    nTest: data.nTest,
    d: data.d,
    c: data.c,
    accuracy: data.accuracy,
    options: spec.options,
  };
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'meta.json'), JSON.stringify(meta, null, 2));
  const arrays = { xTrain: data.xTrain, yTrain: data.yTrain, xTest: data.xTest, yTest: data.yTest };
  for (const [name, values] of Object.entries(arrays))
    await writeFile(join(folder, `${name}.f32`), littleEndianBytes(values));
  return meta;
}
