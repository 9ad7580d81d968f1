import { describe, expect, it } from 'vitest';
import { LatestCall } from './latest-call';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((done, failed) => ((resolve = done), (reject = failed)));
  return { promise, resolve, reject };
}

describe('LatestCall', () => {
  it('drops a slow answer to an earlier read once a later one began', async () => {
    const latest = new LatestCall();
    const shown: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const runs = [
      latest.run(
        () => first.promise,
        (value) => shown.push(value),
        () => undefined,
      ),
      latest.run(
        () => second.promise,
        (value) => shown.push(value),
        () => undefined,
      ),
    ];
    second.resolve('tags of the chat now open');
    first.resolve('tags of the chat before');
    await Promise.all(runs);
    expect(shown).toEqual(['tags of the chat now open']);
  });

  it('reports the error of the newest read only', async () => {
    const latest = new LatestCall();
    const errors: unknown[] = [];
    const first = deferred<string>();
    const run = latest.run(
      () => first.promise,
      () => undefined,
      (error) => errors.push(error),
    );
    await latest.run(
      () => Promise.reject(new Error('offline')),
      () => undefined,
      (error) => errors.push(error),
    );
    first.reject(new Error('stale'));
    await run;
    expect(errors).toEqual([new Error('offline')]);
  });
});
