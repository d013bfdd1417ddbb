/**
 * The Node version the project declares (package.json `engines`, quoted in the README) must satisfy every
 * locked package's own `engines.node`: otherwise `npm ci` warns on the oldest Node we claim to support, and a
 * newcomer following the README gets a toolchain its packages do not promise to run on.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  engines?: { node?: unknown } | unknown[];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const declared = (readJson('../package.json') as { engines: { node: string } }).engines.node;
const oldest = semver.minVersion(declared)?.version ?? '';
const locked = (readJson('../package-lock.json') as { packages: Record<string, LockedPackage> }).packages;

/** Packages whose declared Node range leaves out the oldest Node the project claims to support. */
function packagesRejecting(version: string): string[] {
  return Object.entries(locked)
    .filter(([, entry]) => {
      const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      return typeof range === 'string' && !semver.satisfies(version, range);
    })
    .map(([path]) => path);
}

describe('the declared Node version', () => {
  it('is a range with a minimum', () => {
    expect(oldest).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('satisfies every locked package', () => {
    expect(packagesRejecting(oldest)).toEqual([]);
  });

  it('would be caught if it claimed an older Node than the packages need', () => {
    expect(packagesRejecting('18.0.0').length).toBeGreaterThan(0);
  });

  it('is the one the README states', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`Node.js ${semver.major(oldest)}.${semver.minor(oldest)} or newer`);
  });
});
