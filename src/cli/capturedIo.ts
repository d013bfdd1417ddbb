/** For the CLI's tests: a CliIo that keeps what runCli writes to stdout and stderr. */
import type { CliIo } from './main';

export function capturedIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}
