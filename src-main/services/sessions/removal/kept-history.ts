import type { Db } from '../../../db/connection.js';
import { InternalSettings } from '../../settings/internal-settings.js';

/** The settings row (an internal value, not a user setting) listing the session ids. */
const SETTINGS_KEY = 'sessions:kept-history';

/**
 * Sessions deleted with "keep chat history": their chats and messages stay in the database but
 * belong to no session, so the views across sessions (the "All numbers" chat list, search)
 * leave them out — a chat there could not be opened, since every per-session read needs the
 * session. Creating a session with the same id again takes the history back (it shows again).
 */
export class KeptHistory {
  private readonly settings: InternalSettings;

  constructor(db: Db) {
    this.settings = new InternalSettings(db);
  }

  /** Ids of deleted sessions whose history is kept (and hidden until the id is used again). */
  sessions(): string[] {
    return this.settings.read<string[]>(SETTINGS_KEY) ?? [];
  }

  keep(sessionId: string): void {
    const ids = this.sessions();
    if (!ids.includes(sessionId)) this.write([...ids, sessionId]);
  }

  /** A session with this id exists again: its kept history is its own again. */
  release(sessionId: string): void {
    const ids = this.sessions();
    if (ids.includes(sessionId)) this.write(ids.filter((id) => id !== sessionId));
  }

  private write(ids: string[]): void {
    if (ids.length === 0) this.settings.delete(SETTINGS_KEY);
    else this.settings.write(SETTINGS_KEY, ids);
  }
}
