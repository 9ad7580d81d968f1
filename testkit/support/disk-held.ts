import { vi } from 'vitest';
import type { TestCore } from './test-core.js';
import { commitDurability } from '../../src-main/db/durable-commits.js';

/**
 * The disk held back: no commit is confirmed on the disk until `release()`, so nothing received
 * is receipted to WhatsApp meanwhile (durable receive waits for `flush`, db/durable-commits.ts).
 */
export function holdDisk(app: TestCore): { release: () => void } {
  const durability = commitDurability(app.core.db.$client);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const flush = vi.spyOn(durability, 'flush').mockImplementation(() => held);
  return {
    release: () => {
      release();
      flush.mockRestore();
    },
  };
}

/** Runs `body` with the disk held (`holdDisk`), released after it whatever happens. */
export async function withDiskHeld(app: TestCore, body: () => Promise<void>): Promise<void> {
  const disk = holdDisk(app);
  try {
    await body();
  } finally {
    disk.release();
  }
}
