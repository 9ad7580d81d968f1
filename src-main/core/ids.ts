import { randomBytes } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;
const MAX_SEQUENCE = 0xffff;

/**
 * A unique id that sorts by creation time: 12 hex digits of milliseconds, 4 of a sequence
 * within the millisecond, 8 random. Used for events (`evt_…`) and rows that need order.
 */
export function sortableId(prefix: string): string {
  // Never below the last id: a clock set back (a PC whose time was wrong, then corrected) must
  // not make new ids sort before older ones, which the event stream would take as already sent.
  let now = Math.max(Date.now(), lastMillis);
  if (now === lastMillis) {
    sequence += 1;
    if (sequence > MAX_SEQUENCE) {
      now += 1;
      sequence = 0;
    }
  } else {
    sequence = 0;
  }
  lastMillis = now;
  const seq = sequence.toString(16).padStart(4, '0');
  return `${sortableIdFloor(prefix, now)}${seq}${randomBytes(4).toString('hex')}`;
}

/**
 * Ids made from now on sort after `id`, one stored earlier (perhaps while the clock ran ahead).
 * Called at start with the newest stored event id.
 */
export function sortAfter(id: string): void {
  const time = id.slice(id.indexOf('_') + 1);
  const millis = Number.parseInt(time.slice(0, 12), 16);
  const seq = Number.parseInt(time.slice(12, 16), 16) || 0;
  if (!Number.isFinite(millis) || millis < lastMillis) return;
  sequence = millis === lastMillis ? Math.max(sequence, seq) : seq;
  lastMillis = millis;
}

/**
 * Below every id `sortableId(prefix)` makes at `millis` or later, above every id made before:
 * a time as an id, so "older than" is a range on the id's index (event retention, resume).
 */
export function sortableIdFloor(prefix: string, millis: number): string {
  return `${prefix}_${Math.max(0, Math.floor(millis)).toString(16).padStart(12, '0')}`;
}
