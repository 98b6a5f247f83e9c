import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { serviceWorker, precompress } from './build/pwa.js';

// The platform serves the build from the jar (Maven copies target/frontend to classes/web).
// `npm run dev` proxies the API to a running platform on :8070; the WebSocket goes straight
// to the port /api/broadcasting/config names (6071 by default).
const platform = process.env.WIFICORE_URL || 'http://localhost:8070';

export default defineConfig({
  plugins: [vue(), serviceWorker(), precompress()],
  build: {
    outDir: '../target/frontend',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2020',
    chunkSizeWarningLimit: 300,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': platform,
      '/sim': platform,
      '/portal': platform,
      '/health': platform,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.js'],
  },
});
