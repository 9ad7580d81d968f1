import type { Tag, TagRef, TagUsage } from '../../../src-shared/contract/organize.js';
import { AppError, type ErrorBody } from '../../../src-shared/errors.js';
import { sortableId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Attribution } from './actors.js';

interface TagRow {
  id: string;
  name: string;
  color: string;
  createdAt: number;
  chats: number;
  messages: number;
  /** JSON array of session ids. */
  syncedWith: string;
}

// Usage counts what a user can see: taggings of existing sessions only, not the hidden history
// of a deleted one (kept, or still being removed), which deleting the tag clears all the same.
const TAG_COLUMNS = `t.id, t.name, t.color, t.created_at AS createdAt,
  (SELECT count(*) FROM chat_tags ct
     WHERE ct.tag_id = t.id AND ct.session_id IN (SELECT id FROM sessions)) AS chats,
  (SELECT count(*) FROM message_tags mt
     WHERE mt.tag_id = t.id AND mt.session_id IN (SELECT id FROM sessions)) AS messages,
  (SELECT json_group_array(session_id) FROM (SELECT tl.session_id FROM tag_labels tl
     WHERE tl.tag_id = t.id AND tl.session_id IN (SELECT id FROM sessions) ORDER BY tl.session_id)) AS syncedWith`;

function toTag(row: TagRow): Tag {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    createdAt: new Date(row.createdAt).toISOString(),
    usage: { chats: row.chats, messages: row.messages },
    syncedWith: JSON.parse(row.syncedWith) as string[],
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "3 chats and 1 message": what a tag is used by, for questions and errors. */
export function describeUsage(usage: TagUsage): string {
  return `${plural(usage.chats, 'chat')} and ${plural(usage.messages, 'message')}`;
}

/** Deleting a tag that is in use needs confirmation; the answer carries the counts. */
export class TagInUseError extends AppError {
  constructor(
    readonly tag: TagRef,
    readonly usage: TagUsage,
  ) {
    super(
      'CONFLICT',
      `tag "${tag.name}" is used by ${describeUsage(usage)}; confirm to delete it and remove it from them`,
      'confirm',
    );
  }

  override toBody(): ErrorBody & { usage: TagUsage } {
    return { ...super.toBody(), usage: this.usage };
  }
}

/** Removes every tagging of a tag (with history and events); given by TaggingService. */
type RemoveEverywhere = (tag: TagRef, actor: Attribution) => TagUsage;

/**
 * What label sync (labels/label-sync.ts) hears of tag changes: `updated` after a rename or
 * recolour, `deleting` inside a deletion's transaction (before the tag's label links go with it),
 * answering what to do once it is committed.
 */
export interface TagHooks {
  updated(tag: TagRef): void;
  deleting(tag: TagRef): () => void;
}

/** Tags: a name (unique ignoring case) and a colour. */
export class TagService {
  private removeEverywhere: RemoveEverywhere | null = null;
  private hooks: TagHooks | null = null;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
  ) {}

  /** Wired once by createOrganize (taggings need tags, deleting a tag needs taggings). */
  useRemover(remover: RemoveEverywhere): void {
    this.removeEverywhere = remover;
  }

  /** Wired once by createOrganize. */
  useHooks(hooks: TagHooks): void {
    this.hooks = hooks;
  }

  list(): Tag[] {
    const rows = this.db.$client
      .prepare(`SELECT ${TAG_COLUMNS} FROM tags t ORDER BY lower(t.name), t.id`)
      .all() as TagRow[];
    return rows.map(toTag);
  }

  get(id: string): Tag {
    const row = this.db.$client.prepare(`SELECT ${TAG_COLUMNS} FROM tags t WHERE t.id = ?`).get(id) as
      TagRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no tag "${id}"`, 'tagId');
    return toTag(row);
  }

  ref(id: string): TagRef {
    const { name, color } = this.get(id);
    return { id, name, color };
  }

  /** A tag by id, or by name ignoring case (the chat list filter accepts either). */
  resolve(idOrName: string): Tag {
    const row = this.db.$client
      .prepare('SELECT id FROM tags WHERE id = ? OR lower(name) = lower(?) ORDER BY id = ? DESC LIMIT 1')
      .get(idOrName, idOrName.trim(), idOrName) as { id: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no tag "${idOrName}"`, 'tag');
    return this.get(row.id);
  }

  create(input: { name: string; color: string }): Tag {
    const id = sortableId('tag');
    this.events.transaction(() => {
      this.assertNameFree(input.name, null);
      uniqueName(input.name, () =>
        this.db.$client
          .prepare('INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?)')
          .run(id, input.name, input.color, Date.now()),
      );
    });
    return this.get(id);
  }

  update(id: string, input: { name?: string | undefined; color?: string | undefined }): Tag {
    let before: Tag | null = null;
    this.events.transaction(() => {
      const current = this.get(id);
      before = current;
      if (input.name !== undefined) this.assertNameFree(input.name, id);
      uniqueName(input.name ?? current.name, () =>
        this.db.$client
          .prepare('UPDATE tags SET name = ?, color = ? WHERE id = ?')
          .run(input.name ?? current.name, input.color ?? current.color, id),
      );
    });
    const after = this.get(id);
    const changed =
      before !== null && ((before as Tag).name !== after.name || (before as Tag).color !== after.color);
    if (changed) this.hooks?.updated({ id, name: after.name, color: after.color });
    return after;
  }

  /**
   * Deletes a tag. One in use is refused with TagInUseError unless `confirm`; then its
   * taggings are removed first, each with a history row and a `removed` event.
   */
  delete(id: string, options: { confirm: boolean; actor: Attribution }): { id: string; removed: TagUsage } {
    let afterCommit: (() => void) | undefined;
    const result = this.events.transaction(() => {
      const tag = this.get(id);
      const inUse = tag.usage.chats + tag.usage.messages > 0;
      if (inUse && !options.confirm) {
        throw new TagInUseError({ id, name: tag.name, color: tag.color }, tag.usage);
      }
      const removed =
        inUse && this.removeEverywhere
          ? this.removeEverywhere({ id, name: tag.name, color: tag.color }, options.actor)
          : { chats: 0, messages: 0 };
      afterCommit = this.hooks?.deleting({ id, name: tag.name, color: tag.color });
      this.db.$client.prepare('DELETE FROM tags WHERE id = ?').run(id);
      return { id, removed };
    });
    afterCommit?.();
    return result;
  }

  /**
   * Names are unique ignoring case, for every script (the index only folds ASCII, so this check
   * is the stricter of the two; `uniqueName` turns the index's refusal into the same answer).
   */
  private assertNameFree(name: string, exceptId: string | null): void {
    const folded = name.toLowerCase();
    const clash = (this.db.$client.prepare('SELECT id, name FROM tags').all() as TagRef[]).find(
      (row) => row.id !== exceptId && row.name.toLowerCase() === folded,
    );
    if (clash) throw new AppError('CONFLICT', `a tag named "${clash.name}" already exists`, 'name');
  }
}

/**
 * Runs a write of a tag name and answers the unique index's refusal as the CONFLICT it is (the
 * check above should always see the clash first; the database has the last word).
 */
function uniqueName<T>(name: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('CONFLICT', `a tag named "${name}" already exists`, 'name');
    }
    throw error;
  }
}
