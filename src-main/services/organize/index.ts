import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Messaging } from '../messaging/messaging.js';
import { ActorNames } from './actors.js';
import { ChatNoteService } from './chat-notes.js';
import { LabelSync, type LabelPort } from './labels/label-sync.js';
import { SavedReplyService } from './saved-replies.js';
import { TaggingService } from './taggings.js';
import { TagService } from './tags.js';

export { TagInUseError, describeUsage } from './tags.js';

/** Tags, taggings, saved replies and chat notes, built together. */
export interface Organize {
  tags: TagService;
  taggings: TaggingService;
  /** Tags synced with WhatsApp Business labels (labels/label-sync.ts). */
  labels: LabelSync;
  savedReplies: SavedReplyService;
  notes: ChatNoteService;
  actors: ActorNames;
}

export function createOrganize(deps: {
  db: Db;
  events: EventRecorder;
  bus: EventBus;
  logger: Logger;
  messaging: Pick<Messaging, 'store' | 'contacts' | 'resolveMedia' | 'chats'>;
  /** WhatsApp's side of label sync (wa/label-actions.ts). */
  labelPort: LabelPort | null;
  assertSession: (sessionId: string) => void;
}): Organize {
  const { db, events, messaging } = deps;
  const tags = new TagService(db, events);
  const taggings = new TaggingService(db, events, messaging.store, tags);
  tags.useRemover((tag, actor) => taggings.removeEverywhere(tag, actor));
  const labels = new LabelSync({
    db,
    events,
    tags,
    taggings,
    wa: deps.labelPort,
    ensureChat: (sessionId, jid) => {
      if (messaging.store.chat(sessionId, jid)) return;
      messaging.chats.applyMeta(sessionId, [
        { jid, name: null, archived: null, pinnedAt: null, mutedUntil: null, unreadCount: null },
      ]);
    },
    assertSession: deps.assertSession,
    logger: deps.logger,
  });
  tags.useHooks({
    updated: (tag) => labels.tagUpdated(tag),
    deleting: (tag) => labels.tagDeleting(tag),
  });
  labels.listen(deps.bus);
  return {
    tags,
    taggings,
    labels,
    savedReplies: new SavedReplyService(db, messaging.store, messaging.contacts, messaging.resolveMedia),
    notes: new ChatNoteService(db),
    actors: new ActorNames(db),
  };
}
