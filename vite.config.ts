import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { twemojiImages } from './scripts/vite-twemoji.mjs';

/** The web UI: served by the core to browsers and loaded by the Electron window. */
export default defineConfig({
  root: 'src-renderer',
  base: '/',
  plugins: [react(), twemojiImages()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: 5173,
    // `npm run dev:web` proxies the API to a running `npm run serve`.
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/rpc': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
});
