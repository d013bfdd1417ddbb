export function assembleEngineKernels(readFile: (path: URL, encoding: 'utf8') => Promise<string>): Promise<Uint8Array>;
