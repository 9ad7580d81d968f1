import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { installProcessGuards } from './process-guards.js';

describe('process guards', () => {
  it('log an unhandled rejection and an uncaught exception instead of ending the process', () => {
    const { logger, ring } = createLogger('silent');
    const emitter = new EventEmitter();
    installProcessGuards(logger, emitter as unknown as NodeJS.Process);
    emitter.emit('unhandledRejection', new Error('bad message'), Promise.resolve());
    emitter.emit('uncaughtException', new Error('stream without a listener'), 'uncaughtException');
    const lines = ring.query(50).map((entry) => (entry as { msg?: string }).msg);
    expect(lines).toEqual([
      'unhandled promise rejection (the gateway keeps serving)',
      'uncaught exception (the gateway keeps serving)',
    ]);
  });
});
