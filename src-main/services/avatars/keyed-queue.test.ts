import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.js';

/** A job that finishes when the test says so. */
function controllable() {
  let finish: (value: string) => void = () => {};
  let started = 0;
  const job = () => {
    started += 1;
    return new Promise<string>((resolve) => (finish = resolve));
  };
  return { job, finish: (value: string) => finish(value), started: () => started };
}

describe('KeyedQueue', () => {
  it('runs at most `concurrency` jobs at once, the next starting when one finishes', async () => {
    const queue = new KeyedQueue<string>(2);
    const jobs = [controllable(), controllable(), controllable()];
    const results = jobs.map((job, index) => queue.run(`k${index}`, job.job));
    await Promise.resolve();
    expect(jobs.map((job) => job.started())).toEqual([1, 1, 0]);
    expect(queue.queued).toBe(1);
    jobs[0]!.finish('a');
    await results[0];
    await Promise.resolve();
    expect(jobs[2]!.started()).toBe(1);
    jobs[1]!.finish('b');
    jobs[2]!.finish('c');
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
  });

  it('shares one run between callers asking for the same key, and runs it again once done', async () => {
    const queue = new KeyedQueue<string>(2);
    const job = controllable();
    const first = queue.run('same', job.job);
    const second = queue.run('same', job.job);
    await Promise.resolve();
    expect(job.started()).toBe(1);
    job.finish('once');
    expect(await Promise.all([first, second])).toEqual(['once', 'once']);
    const again = queue.run('same', job.job);
    await Promise.resolve();
    expect(job.started()).toBe(2);
    job.finish('twice');
    expect(await again).toBe('twice');
  });

  it('frees the slot of a failed job', async () => {
    const queue = new KeyedQueue<string>(1);
    await expect(queue.run('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run('good', () => Promise.resolve('ok'))).toBe('ok');
  });
});
