import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI is served by the Wijkpost server itself (src/http/web.ts); `npm run build:web` writes web/dist.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Small assets stay files: the CSP allows no inline styles or scripts, and data: URLs save nothing here.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // The design-token CSS is large; its transform time is expected and not worth a warning on every start.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
