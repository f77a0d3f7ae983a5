import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The app is served by the Handoff server at `/`; in development `vite` proxies the API to a running server. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' } },
});
