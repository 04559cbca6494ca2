// Where the Electron binary is, if it has been installed (Electron >= 42 downloads it on first
// use, which this CI machine cannot do).
export { electronBinary } from '../../../scripts/app-build.mjs';

export const ELECTRON_MISSING_REASON =
  'Electron e2e skipped: the Electron binary is not installed (node_modules/electron/path.txt is missing; ' +
  'Electron >= 42 downloads it on first use and this machine cannot reach GitHub). Run `npx install-electron` ' +
  'or set ELECTRON_EXEC_PATH, and run under xvfb-run on Linux. The browser-mode suite covers the same flows.';
