import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { Messaging } from '../messaging/messaging.js';
import { ActorNames } from './actors.js';
import { ChatNoteService } from './chat-notes.js';
import { SavedReplyService } from './saved-replies.js';
import { TaggingService } from './taggings.js';
import { TagService } from './tags.js';

export { TagInUseError, describeUsage } from './tags.js';

/** Tags, taggings, saved replies and chat notes, built together. */
export interface Organize {
  tags: TagService;
  taggings: TaggingService;
  savedReplies: SavedReplyService;
  notes: ChatNoteService;
  actors: ActorNames;
}

export function createOrganize(deps: {
  db: Db;
  events: EventRecorder;
  messaging: Pick<Messaging, 'store' | 'contacts' | 'resolveMedia'>;
}): Organize {
  const { db, events, messaging } = deps;
  const tags = new TagService(db, events);
  const taggings = new TaggingService(db, events, messaging.store, tags);
  tags.useRemover((tag, actor) => taggings.removeEverywhere(tag, actor));
  return {
    tags,
    taggings,
    savedReplies: new SavedReplyService(db, messaging.store, messaging.contacts, messaging.resolveMedia),
    notes: new ChatNoteService(db),
    actors: new ActorNames(db),
  };
}
