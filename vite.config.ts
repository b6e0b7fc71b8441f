/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  test: {
    globals: false,
    pool: 'threads',
    testTimeout: 15000,
    reporters: ['default', './e2e/support/vitest-summary-reporter.ts'],
    projects: [
      // The fake backend and pure modules run in Node; screens in jsdom.
      { extends: true, test: { name: 'node', environment: 'node', include: ['mocks/**/*.test.ts', 'src/lib/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/lib/**/*.test.ts'],
          setupFiles: ['src/testing/setup-tests.ts'],
        },
      },
    ],
  },
})
