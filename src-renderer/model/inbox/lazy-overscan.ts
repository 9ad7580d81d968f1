/**
 * Which rows of a virtualised list to mount in the frame being drawn (issue #23 target 7).
 *
 * Rows mounted in one frame cost that frame their render, style, layout and paint: a wheel step
 * that jumps past the window mounts every row it lands on, and the overscan on both sides of it
 * doubled that (at 4× CPU throttling a step of ~22 new rows took 45–70 ms; the rows in view alone,
 * about half that). So a frame mounts the rows in view, one row each side, and the overscan rows
 * that are already mounted (keeping them costs nothing); the rest of the overscan is mounted once
 * that frame has painted, ready for the next step (`wide`).
 */
export interface VisibleRange {
  startIndex: number;
  endIndex: number;
  count: number;
}

/** Rows kept each side of the view in the frame itself (a key press lands on one). */
export const FRAME_MARGIN = 1;

export function rowsToMount(
  range: VisibleRange,
  overscan: number,
  wide: boolean,
  isMounted: (index: number) => boolean,
): number[] {
  const first = Math.max(range.startIndex - overscan, 0);
  const last = Math.min(range.endIndex + overscan, range.count - 1);
  const near = { first: range.startIndex - FRAME_MARGIN, last: range.endIndex + FRAME_MARGIN };
  const indexes: number[] = [];
  for (let index = first; index <= last; index++) {
    if (wide || (index >= near.first && index <= near.last) || isMounted(index)) indexes.push(index);
  }
  return indexes;
}

/** Identifies a range, to tell whether the one widened is still the one in view. */
export function rangeId(range: VisibleRange): string {
  return `${range.startIndex}:${range.endIndex}:${range.count}`;
}
