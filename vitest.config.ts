import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No test here is a timing test (speed is `npm run bench`'s): the ones that run the CLI over every
    // fixture, or the example three times, take 3–5 s on a loaded two-core machine, past vitest's 5 s
    // default now and then. A hung test still fails, after 30 s.
    testTimeout: 30_000,
  },
});
