/** Assembles src/core/wasm/kernels.wat with wabt (used by scripts/build-wasm.mjs and a unit test). */
import wabtFactory from 'wabt';

export async function assembleEngineKernels(readFile) {
  const source = await readFile(new URL('../src/core/wasm/kernels.wat', import.meta.url), 'utf8');
  const wabt = await wabtFactory();
  const module = wabt.parseWat('kernels.wat', source, { simd: true });
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
