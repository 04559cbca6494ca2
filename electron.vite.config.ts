import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles. Main also builds the browser-mode host (web.js), which shares every service with
// the Electron entry but never imports `electron`. The preload is CommonJS because sandboxed
// preloads cannot load ES modules, and it is fully bundled because a sandboxed preload has no require().
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron-main/index.ts'),
          web: resolve(__dirname, 'src/main/web-host/index.ts'),
          // The worker thread that reads import files (src/main/store/import/parse-off-thread.ts).
          'import-parser': resolve(__dirname, 'src/main/store/import/parse-worker.ts'),
          // The worker thread that checkpoints the journal during an import (checkpoint-off-thread.ts).
          'wal-checkpointer': resolve(__dirname, 'src/main/store/import/checkpoint-worker.ts'),
        },
        external: ['node:sqlite'],
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; minified, the first load parses about half the bytes.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
