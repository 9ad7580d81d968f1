import { describe, expect, it } from 'vitest';
import { EventsDuringLoad } from './events-during-load';

/** A load whose answer the test hands over when it wants. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('EventsDuringLoad', () => {
  it('keeps a change heard while a load ran, on top of the older answer', async () => {
    const changes = new EventsDuringLoad();
    let list: string[] = [];
    const upsert = (item: string) =>
      changes.apply(() => (list = list.includes(item) ? list : [...list, item]));

    const answer = deferred<string[]>();
    const loading = changes.load(() => answer.promise);
    upsert('kiosk'); // the event overtook the answer, which was read before the session existed
    answer.resolve(['front']);
    const { answer: loaded, replay } = await loading;
    list = loaded;
    replay();
    expect(list).toEqual(['front', 'kiosk']);
  });

  it('replays nothing once no load runs, and nothing heard before a load began', async () => {
    const changes = new EventsDuringLoad();
    let runs = 0;
    changes.apply(() => (runs += 1));
    const { replay } = await changes.load(() => Promise.resolve([]));
    replay();
    changes.apply(() => (runs += 1));
    expect(runs).toBe(2);
  });

  it('forgets what a failed load heard: the next load starts clean', async () => {
    const changes = new EventsDuringLoad();
    let runs = 0;
    const failing = changes.load(() => Promise.reject(new Error('offline')));
    changes.apply(() => (runs += 1));
    await expect(failing).rejects.toThrow('offline');
    const { replay } = await changes.load(() => Promise.resolve(null));
    replay();
    expect(runs).toBe(1);
  });
});

describe('EventsDuringLoad, loads about one chat (the conversation store)', () => {
  it("keeps a change only for the loads about its chat, and one kept ahead isn't made now", async () => {
    const changes = new EventsDuringLoad();
    const made: string[] = [];
    const page = deferred<string[]>();
    const loading = changes.load(() => page.promise, 'shop|dana');
    changes.apply(() => made.push('ben: new message'), 'shop|ben');
    changes.keep(() => made.push('dana: new message'), 'shop|dana');
    expect(made).toEqual(['ben: new message']);
    page.resolve([]);
    const { replay } = await loading;
    replay();
    expect(made).toEqual(['ben: new message', 'dana: new message']);
  });
});
