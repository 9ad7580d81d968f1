import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPEN_WAIT_MS, openOnPage } from './open-on-page';

/** A page asked on a click, answered when the test says. */
function pageOnTheWay() {
  let answer: () => void = () => undefined;
  const page = new Promise<void>((resolve) => {
    answer = resolve;
  });
  return { page, answer };
}

describe('a clicked chat opens with its first page', () => {
  const location = { href: 'http://127.0.0.1/inbox' };
  beforeEach(() => {
    vi.useFakeTimers();
    location.href = 'http://127.0.0.1/inbox';
    vi.stubGlobal('window', { location });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens when the page is in, not before', async () => {
    const { page, answer } = pageOnTheWay();
    const open = vi.fn();
    openOnPage(page, open);
    await vi.advanceTimersByTimeAsync(OPEN_WAIT_MS / 4);
    expect(open).not.toHaveBeenCalled();
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(open).toHaveBeenCalledOnce();
    // The wait's end changes nothing after that.
    await vi.advanceTimersByTimeAsync(OPEN_WAIT_MS);
    expect(open).toHaveBeenCalledOnce();
  });

  it('opens without the page when it is slower than the wait, once', async () => {
    const { page, answer } = pageOnTheWay();
    const open = vi.fn();
    openOnPage(page, open);
    await vi.advanceTimersByTimeAsync(OPEN_WAIT_MS - 1);
    expect(open).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(open).toHaveBeenCalledOnce();
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(open).toHaveBeenCalledOnce();
  });

  it('a chat clicked while another waits is the one that opens', async () => {
    const first = pageOnTheWay();
    const second = pageOnTheWay();
    const openFirst = vi.fn();
    const openSecond = vi.fn();
    openOnPage(first.page, openFirst);
    openOnPage(second.page, openSecond);
    first.answer();
    await vi.advanceTimersByTimeAsync(OPEN_WAIT_MS);
    expect(openFirst).not.toHaveBeenCalled();
    expect(openSecond).toHaveBeenCalledOnce();
  });

  it('a chat opened from the keyboard opens at once and overtakes a click still waiting', async () => {
    const clicked = pageOnTheWay();
    const openClicked = vi.fn();
    const openByKey = vi.fn();
    openOnPage(clicked.page, openClicked);
    openOnPage(null, openByKey);
    expect(openByKey).toHaveBeenCalledOnce();
    clicked.answer();
    await vi.advanceTimersByTimeAsync(OPEN_WAIT_MS);
    expect(openClicked).not.toHaveBeenCalled();
  });

  it('does not open after the person went elsewhere meanwhile', async () => {
    const { page, answer } = pageOnTheWay();
    const open = vi.fn();
    openOnPage(page, open);
    location.href = 'http://127.0.0.1/reports';
    answer();
    await vi.advanceTimersByTimeAsync(OPEN_WAIT_MS);
    expect(open).not.toHaveBeenCalled();
  });
});
