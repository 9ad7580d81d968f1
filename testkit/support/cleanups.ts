import { afterEach } from 'vitest';

/**
 * Things a test started (cores, receivers) to stop after it, newest first, even when it failed.
 * Call at the top of a test file; the returned function registers one stop.
 */
export function useCleanups(): (cleanup: () => Promise<void>) => void {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return (cleanup) => {
    cleanups.push(cleanup);
  };
}
