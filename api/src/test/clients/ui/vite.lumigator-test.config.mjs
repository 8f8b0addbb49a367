// The original UI's own vite.config.ts, unchanged, with only its dev server's port and the target
// of its /api/v1 proxy moved: run-suite.sh copies this file beside theirs in a temporary copy.
import { mergeConfig } from 'vite'
import original from './vite.config.ts'

export default mergeConfig(original, {
  server: {
    port: Number(process.env.LUMIGATOR_TEST_UI_PORT),
    proxy: { '/api/v1': { target: process.env.LUMIGATOR_TEST_API_URL } },
  },
  // a fresh copy each run: no file watching beyond the default, no browser opened
  clearScreen: false,
})
