import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one large shared chunk; pages, charts and locales are split off it.
    chunkSizeWarningLimit: 1200,
  },
  // `npm run dev:web` serves the console with hot reload against an API on port 3000.
  server: {
    proxy: { '/api': apiTarget, '/health': apiTarget },
  },
});
