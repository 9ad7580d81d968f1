import { describe, expect, it } from 'vitest';
import { afterFirstPage, type NextFrame } from './after-first-page';

/** A frame the test paints by hand. */
function frames() {
  const queued: (() => void)[] = [];
  const nextFrame: NextFrame = (then) => void queued.push(then);
  return { nextFrame, paint: () => queued.splice(0).forEach((then) => then()), queued };
}
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('an opened chat’s other calls wait for its first page', () => {
  it('start only after the page is in and a frame has been painted', async () => {
    let answer!: () => void;
    const page = new Promise<void>((resolve) => (answer = resolve));
    const { nextFrame, paint, queued } = frames();
    let ready = 0;
    afterFirstPage(page, () => ready++, nextFrame);
    await settled();
    paint();
    expect(ready).toBe(0);
    answer();
    await settled();
    expect(ready).toBe(0);
    expect(queued).toHaveLength(1);
    paint();
    expect(ready).toBe(1);
  });

  it('start after a refused page too', async () => {
    const { nextFrame, paint } = frames();
    let ready = 0;
    afterFirstPage(Promise.reject(new Error('offline')), () => ready++, nextFrame);
    await settled();
    paint();
    expect(ready).toBe(1);
  });

  it('never start for a chat left before its page painted', async () => {
    const { nextFrame, paint } = frames();
    let ready = 0;
    const leftEarly = afterFirstPage(Promise.resolve(), () => ready++, nextFrame);
    leftEarly();
    await settled();
    paint();
    const leftBeforePaint = afterFirstPage(Promise.resolve(), () => ready++, nextFrame);
    await settled();
    leftBeforePaint();
    paint();
    expect(ready).toBe(0);
  });
});
