#!/usr/bin/env bash
# The bench's WebGPU backend on a real GPU (Linux with a Vulkan driver, e.g. NVIDIA), beside threaded wasm
# in the same browser, with the numpy float32 reference. Not run on the 2-core development machine (no GPU).
#
#   scripts/bench-gpu.sh                      all cases, 3 repeats
#   CASES=A,B REPEATS=1 scripts/bench-gpu.sh  a shorter run
#   scripts/bench-gpu.sh --no-native          extra options go to npm run bench
#
# Needs: Node 20+, a Chromium (CHROMIUM_PATH, /usr/bin/chromium, or `npx playwright install chromium`), the
# GPU's Vulkan ICD (check with `vulkaninfo --summary` from vulkan-tools), python3 with numpy for the
# reference. Results: bench-results/bench.{md,json}; the adapter line names the GPU it ran on.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== GPU and Vulkan"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv || true
if command -v vulkaninfo >/dev/null; then vulkaninfo --summary 2>/dev/null | sed -n '/Devices:/,$p' | head -20
else echo "vulkaninfo not found (apt-get install vulkan-tools): cannot confirm a Vulkan driver"; fi

[ -d node_modules ] || npm ci

# Dawn on Vulkan in headless Chromium: --enable-unsafe-webgpu (already in scripts/chromiumArgs.mjs) plus
# Vulkan enabled and the GPU blocklist ignored (headless servers are often blocklisted).
export RFM_CHROMIUM_ARGS="${RFM_CHROMIUM_ARGS:---enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan --use-angle=vulkan --use-vulkan --ignore-gpu-blocklist --enable-gpu}"

log="$(mktemp)"
node scripts/bench.mjs --cases "${CASES:-A,B,C,D,E}" --backends webgpu,wasm --repeats "${REPEATS:-3}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if grep -q 'WebGPU adapter: .*(software)' "$log"; then
  echo "bench-gpu: WebGPU ran on a software adapter (SwiftShader), not the GPU: these are not GPU figures." >&2
  echo "bench-gpu: check the Vulkan driver (vulkaninfo) and RFM_CHROMIUM_ARGS." >&2
  exit 2
fi
if grep -q 'WebGPU adapter: none' "$log"; then
  echo "bench-gpu: Chromium offered no WebGPU adapter; see above." >&2
  exit 2
fi
exit "$status"
