import type { Actor } from '../../../src-shared/contract/people.js';
import { eq, inArray } from 'drizzle-orm';
import type { Settings } from '../../../src-shared/model.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Db } from '../../db/connection.js';
import { settings as settingsTable } from '../../db/schema.js';

const DEFAULT_SETTINGS: Settings = {
  lanAccess: false,
};

/** App settings persisted as JSON values in the `settings` table. */
export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
  ) {}

  get(): Settings {
    // Only the user settings: internal values share the table (some are large, e.g. the media
    // list of a session being removed, services/pending-purges.ts).
    const rows = this.db
      .select()
      .from(settingsTable)
      .where(inArray(settingsTable.key, Object.keys(DEFAULT_SETTINGS)))
      .all();
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
    return { ...DEFAULT_SETTINGS, ...pickKnown(stored) };
  }

  /** `actor`: who changed them, carried by `settings.updated`. */
  update(patch: Partial<Settings>, actor?: Actor): Settings {
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
    return this.events.transaction(() => {
      for (const [key, value] of entries) this.setInternal(key, value);
      const next = this.get();
      if (entries.length > 0) this.events.record('settings.updated', null, next, actor);
      return next;
    });
  }

  /** Internal values (not user settings) that share the table, e.g. key reveal state. */
  getInternal<T>(key: string): T | undefined {
    const row = this.db.select().from(settingsTable).where(eq(settingsTable.key, key)).get();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  setInternal(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    this.db
      .insert(settingsTable)
      .values({ key, value: json })
      .onConflictDoUpdate({
        target: settingsTable.key,
        set: { value: json, updatedAt: new Date().toISOString() },
      })
      .run();
  }
}

function pickKnown(stored: Record<string, unknown>): Partial<Settings> {
  const known: Partial<Settings> = {};
  if (typeof stored.lanAccess === 'boolean') known.lanAccess = stored.lanAccess;
  return known;
}
