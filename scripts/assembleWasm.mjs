/** Assembles src/core/wasm/oneHotSums.wat with wabt (used by scripts/build-wasm.mjs and a unit test). */
import wabtFactory from 'wabt';

export async function assembleOneHotSums(readFile) {
  const source = await readFile(new URL('../src/core/wasm/oneHotSums.wat', import.meta.url), 'utf8');
  const wabt = await wabtFactory();
  const module = wabt.parseWat('oneHotSums.wat', source, { simd: true });
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
