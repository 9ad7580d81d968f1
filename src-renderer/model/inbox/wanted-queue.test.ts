import { describe, expect, it } from 'vitest';
import { WantedQueue } from './wanted-queue';

/** Records which keys were loaded and lets the test finish each load. */
function loads() {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const load = (key: string) => () => {
    started.push(key);
    return new Promise<void>((resolve) => finishers.set(key, resolve));
  };
  const finish = async (key: string) => {
    finishers.get(key)?.();
    // Let the queue's `finally` run and start the next load.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { started, load, finish };
}

describe('WantedQueue', () => {
  it('loads at most `limit` keys at once, in the order asked', async () => {
    const queue = new WantedQueue(2);
    const { started, load, finish } = loads();
    for (const key of ['a', 'b', 'c', 'd']) queue.want(key, load(key));
    expect(started).toEqual(['a', 'b']);
    await finish('a');
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('skips keys whose rows scrolled away before their turn, and never loads a key twice at once', async () => {
    const queue = new WantedQueue(1);
    const { started, load, finish } = loads();
    queue.want('visible', load('visible'));
    const release = queue.want('scrolled-past', load('scrolled-past'));
    queue.want('visible', load('visible'));
    queue.want('later', load('later'));
    release();
    await finish('visible');
    expect(started).toEqual(['visible', 'later']);
  });

  it('keeps a key wanted while any of its rows is still on screen', async () => {
    const queue = new WantedQueue(1);
    const { started, load, finish } = loads();
    queue.want('busy', load('busy'));
    const header = queue.want('shared', load('shared'));
    queue.want('shared', load('shared'));
    header();
    await finish('busy');
    expect(started).toEqual(['busy', 'shared']);
  });
});
