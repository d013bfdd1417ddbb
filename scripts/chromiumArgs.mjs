/**
 * Flags for headless Chromium on these machines (README, "Development"): no sandbox (root), WebGPU on Linux (SwiftShader
 * where there is no GPU), and no background traffic on the closed network. Shared by the e2e config, the
 * screenshot script and the bench runner.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
