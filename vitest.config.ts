import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast, in parallel) and `browser` (the built site in Chromium,
 * one file at a time, with room for builds and page loads).
 *   npm run test:unit     → vitest run --project unit
 *   npm run test:browser  → vitest run --project browser (needs `npm run build` first)
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          sequence: { concurrent: false },
          // Room for a machine kept busy by other work: a test loads several pages, and a hook
          // may build a whole site of its own (45 s alone, several times that under load).
          testTimeout: 90_000,
          hookTimeout: 360_000,
        },
      },
    ],
  },
});
