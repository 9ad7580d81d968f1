import type { StaffPresence, StaffPresenceState } from '../../../src-shared/contract/presence.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import type { EventRecorder } from '../events/event-recorder.js';

/** A window that stopped saying "I am viewing" this long ago has gone (closed, asleep, offline). */
export const VIEWING_TTL_MS = 45_000;
/** "Typing" ends this long after the last keystroke ping (the composer pings every 4 s). */
export const TYPING_TTL_MS = 7_000;
/** How often expired entries are looked for. */
const SWEEP_MS = 2_000;

interface Entry {
  name: string;
  viewingUntil: number;
  typingUntil: number;
}

type Shown = 'viewing' | 'typing' | 'gone';

/**
 * Who of the staff is viewing or typing in each chat (issue #16's collision guard), in memory
 * only: it is about the next few seconds, so nothing is stored but the events, and a restart
 * simply forgets it (windows say "viewing" again within 20 s).
 *
 * Only changes are announced (`staff.presence`: someone came, started or stopped typing, or
 * left), never the refreshes that keep an entry alive, so a chat open for an hour costs two
 * events per person. An entry nobody refreshes expires; the sweep announces it as `gone` (or
 * back to `viewing` when only the typing ran out). The event names the chat, so the stream and
 * webhooks show it only to who may read that chat (authorizer `canSeeEvent`).
 */
export class StaffPresenceService {
  /** `session|chat` → person id → entry. */
  private readonly chats = new Map<string, Map<string, Entry>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: EventRecorder,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.chats.clear();
  }

  /** A person's window says what they are doing in a chat. */
  set(sessionId: string, jid: string, actor: Actor & { id: string }, state: StaffPresenceState): void {
    const key = `${sessionId}|${jid}`;
    const people = this.chats.get(key) ?? new Map<string, Entry>();
    const entry = people.get(actor.id);
    const before = shown(entry, this.now());
    if (state === 'gone') {
      people.delete(actor.id);
    } else {
      const now = this.now();
      const next: Entry = entry ?? { name: actor.name, viewingUntil: 0, typingUntil: 0 };
      next.name = actor.name;
      next.viewingUntil = now + VIEWING_TTL_MS;
      next.typingUntil = state === 'typing' ? now + TYPING_TTL_MS : 0;
      people.set(actor.id, next);
    }
    if (people.size) this.chats.set(key, people);
    else this.chats.delete(key);
    const after = shown(people.get(actor.id), this.now());
    if (after !== before) this.announce(sessionId, jid, actor.id, actor.name, after);
  }

  /** Who is in a chat now, but `exceptUser` (the one asking). */
  list(sessionId: string, jid: string, exceptUser: string | null): StaffPresence[] {
    const people = this.chats.get(`${sessionId}|${jid}`);
    if (!people) return [];
    const now = this.now();
    const items: StaffPresence[] = [];
    for (const [id, entry] of people) {
      const state = shown(entry, now);
      if (id !== exceptUser && state !== 'gone') items.push({ user: { id, name: entry.name }, state });
    }
    return items;
  }

  /** Expires entries nobody refreshed, announcing each change (also called by tests). */
  sweep(): void {
    const now = this.now();
    for (const [key, people] of this.chats) {
      const [sessionId = '', jid = ''] = splitKey(key);
      for (const [id, entry] of people) {
        if (entry.typingUntil && entry.typingUntil <= now) {
          entry.typingUntil = 0;
          if (entry.viewingUntil > now) this.announce(sessionId, jid, id, entry.name, 'viewing');
        }
        if (entry.viewingUntil <= now) {
          people.delete(id);
          this.announce(sessionId, jid, id, entry.name, 'gone');
        }
      }
      if (!people.size) this.chats.delete(key);
    }
  }

  private announce(sessionId: string, jid: string, id: string, name: string, state: Shown): void {
    const user = { id, name };
    this.events.record('staff.presence', sessionId, { chat: jid, user, state }, { type: 'user', id, name });
  }
}

function shown(entry: Entry | undefined, now: number): Shown {
  if (!entry || entry.viewingUntil <= now) return 'gone';
  return entry.typingUntil > now ? 'typing' : 'viewing';
}

/** The session id never holds `|` (sessionIdSchema); the JID may not either, but split once. */
function splitKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}
