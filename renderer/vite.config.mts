import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { eventNames, methodNames } from '../shared/api';

// The renderer is built into out/renderer with relative asset paths, so the same files load from
// the desktop app's app:// protocol and from the browser-mode host.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  // The contract's names for renderer/api/contract-names.ts (the schemas stay out of the renderer).
  define: { __POSTDESK_CONTRACT_NAMES__: JSON.stringify({ methods: methodNames, events: eventNames }) },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
