import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { webAppManifest } from './src/offline/webAppManifest.ts';

/**
 * Where the dev server (and `vite preview`) forwards `/api` and `/tiles`. In production the Marsad
 * API serves this build itself, on the same origin. Override with MARSAD_API_URL.
 */
const API_ORIGIN = process.env.MARSAD_API_URL ?? 'http://localhost:8787';

export default defineConfig({
  plugins: [
    react(),
    // The service worker (src/sw/sw.ts, our own code: injectManifest) and the web app manifest.
    // Registered by the page itself, lazily (offline/registerServiceWorker.ts). The print page is
    // for the server's printer, not for offline use: out of the precache.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: webAppManifest,
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,ttf,svg,png}'],
        globIgnores: ['print.html', 'assets/print-*', 'icons/apple-touch-icon.png'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  server: {
    proxy: {
      '/api': API_ORIGIN,
      '/tiles': API_ORIGIN,
    },
  },
  preview: {
    proxy: {
      '/api': API_ORIGIN,
      '/tiles': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Two pages: the dashboard, and the print-only brief (src/print) that the server prints to PDF.
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        print: fileURLToPath(new URL('print.html', import.meta.url)),
      },
    },
  },
});
