// The About box's text: which versions make up this build, for bug reports.
export function aboutDetail(appVersion: string, versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>): string {
  return [
    `Version ${appVersion}`,
    `Electron ${versions.electron ?? 'unknown'}`,
    `Chromium ${versions.chrome ?? 'unknown'}`,
    `Node.js ${versions.node ?? 'unknown'}`,
    `V8 ${versions.v8 ?? 'unknown'}`,
  ].join('\n');
}
