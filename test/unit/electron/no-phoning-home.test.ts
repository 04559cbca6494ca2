// Plume sends nothing anywhere on its own: no crash uploads, no update checks, no telemetry.
// This reads the source, since those calls would only fire in the real app.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|cjs|js)$/.test(entry.name) ? [path] : [];
  });
}

const FORBIDDEN = [/crashReporter\s*\.\s*start/, /\bautoUpdater\b/, /electron-updater/, /update-electron-app/, /\bsentry\b/i, /google-analytics|googletagmanager|mixpanel|posthog|segment\.io/i];

describe('no phoning home', () => {
  it('has no crash reporter, auto-updater or analytics anywhere in src or build', () => {
    const files = [...sources(join(root, 'src')), ...sources(join(root, 'build'))];
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter((pattern) => pattern.test(text)).map((pattern) => `${relative(root, file)}: ${pattern}`);
    });
    expect(hits).toEqual([]);
  });

  it('depends on no updater or telemetry package', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    expect(names.filter((name) => /updater|sentry|analytics|telemetry|bugsnag/i.test(name))).toEqual([]);
  });
});
