// PDF in browser mode. The page's own print dialog does nothing in a headless or scripted browser
// and gives the user no file, so the host prints the same HTML export itself with a Chromium-family
// browser found on this machine (`--headless --print-to-pdf`): the same engine as the desktop
// app's printToPDF, so the PDF looks like the desktop one. Writing our own PDF layout engine
// would mean re-implementing tables, KaTeX and fonts; bundling a browser would add ~150 MB.
// Without any such browser, the error says what to do instead.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'brave-browser'];
const FIXED = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];
const TIMEOUT_MS = 120_000;

export class PdfUnavailableError extends Error {}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PLUME_CHROMIUM first, then the usual names on PATH, then the usual install places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PLUME_CHROMIUM) return executable(env.PLUME_CHROMIUM) ? env.PLUME_CHROMIUM : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  return FIXED.find(executable) ?? null;
}

/** Prints a self-contained HTML export file (no scripts, no network) to the PDF file `out`. */
export async function htmlToPdf(page: string, out: string, chromium = findChromium()): Promise<void> {
  if (!chromium) {
    throw new PdfUnavailableError('PDF export in browser mode needs Chrome or Chromium on this computer (or PLUME_CHROMIUM set to one). Export HTML instead and print it to PDF from your browser.');
  }
  // mkdtemp makes the folder 0700: the browser profile stays private while it prints.
  const dir = await mkdtemp(join(tmpdir(), 'plume-pdf-'));
  try {
    const args = [
      '--headless', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Not --blink-settings=scriptEnabled=false: headless printing then writes no file. The export
      // has no script and its CSP meta forbids any, which is what keeps it inert.
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer', `--print-to-pdf=${out}`,
      // Chromium refuses its sandbox as root (containers, CI); nothing in the page can run anyway.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: TIMEOUT_MS }, (error) => (error ? reject(error) : resolve()));
    });
    if (!(await startsAsPdf(out))) throw new Error('The browser did not produce a PDF.');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function startsAsPdf(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return false;
  try {
    const head = Buffer.alloc(5);
    await file.read(head, 0, 5, 0);
    return head.toString() === '%PDF-';
  } finally {
    await file.close();
  }
}
