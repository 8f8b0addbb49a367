// Built by the api module's Maven build (npm ci + npm run build) straight into its classes folder,
// so the API's jar serves the page at /ui/ (Spring's classpath:/static/ resources).
import { defineConfig } from 'vite'

export default defineConfig({
  base: '/ui/',
  build: {
    outDir: process.env.LUMIGATOR_WEB_OUT_DIR || '../target/classes/static/ui',
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev`: the API of `make run` (or LUMIGATOR_API_URL) behind the dev server
    proxy: { '/api': process.env.LUMIGATOR_API_URL || 'http://127.0.0.1:8000' },
  },
})
