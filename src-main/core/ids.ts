import { randomBytes } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;

/**
 * A unique id that sorts by creation time: 12 hex digits of milliseconds, 4 of a sequence
 * within the millisecond, 8 random. Used for events (`evt_…`) and rows that need order.
 */
export function sortableId(prefix: string): string {
  const now = Date.now();
  sequence = now === lastMillis ? sequence + 1 : 0;
  lastMillis = now;
  const seq = (sequence & 0xffff).toString(16).padStart(4, '0');
  return `${sortableIdFloor(prefix, now)}${seq}${randomBytes(4).toString('hex')}`;
}

/**
 * Below every id `sortableId(prefix)` makes at `millis` or later, above every id made before:
 * a time as an id, so "older than" is a range on the id's index (event retention, resume).
 */
export function sortableIdFloor(prefix: string, millis: number): string {
  return `${prefix}_${Math.max(0, Math.floor(millis)).toString(16).padStart(12, '0')}`;
}
