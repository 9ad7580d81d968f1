import { measureElement, type Virtualizer } from '@tanstack/react-virtual';

/**
 * A virtualised row's size, as the virtualiser measures it, except while its list is hidden
 * (`display: none`: on a phone the chat list while a chat is open): every row then reads 0 high,
 * and taking that moved the list's scroll up by the rows above the window, so "Back to chats"
 * showed the list elsewhere, empty until the next scroll (session 20). A shown row is never 0
 * high, so a 0 keeps the size the row had.
 */
export function measureShownRow<S extends Element | Window>(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<S, Element>,
): number {
  const size = measureElement(element, entry, instance);
  if (size > 0) return size;
  const key = instance.options.getItemKey(instance.indexFromElement(element));
  return instance.itemSizeCache.get(key) ?? instance.options.estimateSize(instance.indexFromElement(element));
}
