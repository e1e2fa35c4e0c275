import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into frontend/dist, which the backend serves at `/` with the API under `/api`.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maplibre-gl and deck.gl are ~2 MB minified together; one map page needs both up front.
    chunkSizeWarningLimit: 3000,
  },
});
