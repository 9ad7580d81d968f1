import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Lifecycle } from './lifecycle.js';

const silent = pino({ level: 'silent' });

describe('Lifecycle', () => {
  it('starts in order and stops in reverse, once', async () => {
    const calls: string[] = [];
    const lifecycle = new Lifecycle(silent);
    for (const name of ['db', 'services', 'api']) {
      lifecycle.add({
        name,
        start: () => void calls.push(`start ${name}`),
        stop: () => void calls.push(`stop ${name}`),
      });
    }
    await lifecycle.start();
    await Promise.all([lifecycle.stop(), lifecycle.stop()]);
    expect(calls).toEqual([
      'start db',
      'start services',
      'start api',
      'stop api',
      'stop services',
      'stop db',
    ]);
  });

  it('stops what started when a later start fails', async () => {
    const calls: string[] = [];
    const lifecycle = new Lifecycle(silent);
    lifecycle.add({
      name: 'db',
      start: () => void calls.push('start db'),
      stop: () => void calls.push('stop db'),
    });
    lifecycle.add({
      name: 'api',
      start: () => {
        throw new Error('port in use');
      },
      stop: () => void calls.push('stop api'),
    });
    await expect(lifecycle.start()).rejects.toThrow('port in use');
    expect(calls).toEqual(['start db', 'stop db']);
  });
});
