import type { Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type Key } from 'react';
import { afterPaint } from '../../model/inbox/after-first-page';
import { rangeId, rowsToMount } from '../../model/inbox/lazy-overscan';

/**
 * A virtualiser's `rangeExtractor` that mounts the overscan after the frame (model/inbox/lazy-overscan.ts):
 * a frame mounts the rows in view and one each side (plus overscan rows already mounted); once it
 * has painted, the list renders again with the whole overscan. `keyOf` is the virtualiser's item
 * key: rows are remembered by key, as an older page added above shifts every index.
 */
export function useLazyOverscan(keyOf: (index: number) => Key, overscan: number) {
  /** The range whose whole overscan is mounted. */
  const [widened, setWidened] = useState<string | null>(null);
  const lastRange = useRef<Range | null>(null);
  const mounted = useRef<ReadonlySet<Key>>(new Set());

  const rangeExtractor = useCallback(
    (range: Range) => {
      lastRange.current = range;
      const was = mounted.current;
      const indexes = rowsToMount(range, overscan, widened === rangeId(range), (index) =>
        was.has(keyOf(index)),
      );
      mounted.current = new Set(indexes.map(keyOf));
      return indexes;
    },
    [widened, keyOf, overscan],
  );

  // After every commit: if the range in view is not the widened one, widen it once the frame that
  // shows it has painted (`afterPaint`), whether this commit ran inside a frame (a wheel step's
  // scroll event) or before one. A later commit drops a widening not yet done.
  useEffect(() => {
    const range = lastRange.current;
    if (!range || rangeId(range) === widened) return;
    let live = true;
    afterPaint(() => live && setWidened(rangeId(range)));
    return () => {
      live = false;
    };
  });

  return rangeExtractor;
}
