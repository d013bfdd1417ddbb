#!/usr/bin/env node
// Launcher for the `rfm` command line: runs src/cli/main.ts through tsx, so a checkout works right after
// `npm ci` with no build step. All logic lives in runCli; this file only owns the process.
import { tsImport } from 'tsx/esm/api';

const { runCli } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
