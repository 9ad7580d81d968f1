/**
 * Organising conversations: tags (on chats and messages, with their history), saved replies
 * and private chat notes. The same schemas validate the REST routes and the UI's calls.
 */
import { z } from 'zod';
import { exampleOf } from '../examples.js';
import {
  MANAGE_SAVED_REPLIES,
  MANAGE_TAGS,
  listChats,
  READ_MESSAGES,
  readChat,
  sendInChat,
  tagInChat,
  tagInChats,
  tagInSession,
} from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';
import { tagRefSchema, type TagRef } from '../messages.js';
export { tagRefSchema, type TagRef };

const TAG_NAME_MAX = 40;
const SHORTCUT_PATTERN = /^[a-z0-9_-]{1,32}$/;
/** The placeholders a saved reply may contain; any other `[word]` is left as typed. */
export const PLACEHOLDERS = ['name', 'first_name', 'phone'] as const;

const tagNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(TAG_NAME_MAX, `must be at most ${TAG_NAME_MAX} characters`);

const tagColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a7f5a')
  .transform((color) => color.toLowerCase());

export const tagIdSchema = z.string().min(1).max(64).describe('Tag id (`tag_…`)');

/** The length of `value` as JSON, or Infinity when it cannot be written (nested too deep). */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
}

/** Free JSON a bot attaches to a tagging (e.g. which rule fired); at most 4 kB. */
export const taggingExtraSchema = z
  .record(z.string(), z.unknown())
  .refine((extra) => jsonLength(extra) <= 4096, 'must be at most 4 kB of JSON')
  .describe('Free JSON kept with the tagging and sent with its events, e.g. `{"rule": "paid"}`');

const tagUsageSchema = z.object({
  chats: z.number().int().describe('Chats carrying the tag'),
  messages: z.number().int().describe('Messages carrying the tag'),
});
export type TagUsage = z.infer<typeof tagUsageSchema>;

export const tagSchema = tagRefSchema
  .extend({
    createdAt: z.string().describe('UTC ISO-8601'),
    usage: tagUsageSchema,
    syncedWith: z
      .array(z.string())
      .describe('Numbers (session ids) whose WhatsApp Business labels this tag is synced with'),
  })
  .meta({
    id: 'Tag',
    example: {
      id: 'tag_0193a1b2c3d4000012345678',
      name: 'New lead',
      color: '#1a7f5a',
      createdAt: '2026-11-21T10:00:00.000Z',
      usage: { chats: 3, messages: 1 },
      syncedWith: ['shop'],
    },
  });
export type Tag = z.infer<typeof tagSchema>;
export const tagListSchema = z
  .object({ items: z.array(tagSchema), next: z.null() })
  .meta({ id: 'TagList', example: { items: [exampleOf(tagSchema)], next: null } });

export const createTagInput = z
  .object({ name: tagNameSchema, color: tagColorSchema })
  .strict()
  .meta({ example: { name: 'New lead', color: '#1a7f5a' } });
export const updateTagInput = z
  .object({ name: tagNameSchema.optional(), color: tagColorSchema.optional() })
  .strict()
  .meta({ example: { name: 'Hot lead' } });

export const deletedTagSchema = z
  .object({ id: z.string(), removed: tagUsageSchema.describe('Taggings removed with the tag') })
  .meta({
    id: 'DeletedTag',
    example: { id: 'tag_0193a1b2c3d4000012345678', removed: { chats: 3, messages: 1 } },
  });
type DeletedTag = z.infer<typeof deletedTagSchema>;

const taggingSchema = z
  .object({
    tag: tagRefSchema,
    addedBy: z.string().describe('`admin`, `key:<name>`, `session:<id>` or `desktop`'),
    addedAt: z.string().describe('UTC ISO-8601'),
    extra: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({
    id: 'Tagging',
    example: {
      tag: { id: 'tag_0193a1b2c3d4000012345678', name: 'New lead', color: '#1a7f5a' },
      addedBy: 'key:crm',
      addedAt: '2026-11-21T10:02:00.000Z',
      extra: { rule: 'order-intent' },
    },
  });
export type Tagging = z.infer<typeof taggingSchema>;
export const taggingListSchema = z
  .object({ items: z.array(taggingSchema) })
  .meta({ id: 'TaggingList', example: { items: [exampleOf(taggingSchema)] } });

const tagHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    tagId: z.string(),
    tagName: z.string().describe('The name when it happened'),
    chat: z.string(),
    messageId: z.string().nullable(),
    action: z.enum(['added', 'removed']),
    actor: z.string(),
    at: z.string().describe('UTC ISO-8601'),
    extra: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({
    id: 'TagHistoryEntry',
    example: {
      id: 42,
      tagId: 'tag_0193a1b2c3d4000012345678',
      tagName: 'New lead',
      chat: '972501234567@s.whatsapp.net',
      messageId: null,
      action: 'added',
      actor: 'key:crm',
      at: '2026-11-21T10:02:00.000Z',
      extra: { rule: 'order-intent' },
    },
  });
export type TagHistoryEntry = z.infer<typeof tagHistoryEntrySchema>;
export const tagHistorySchema = z
  .object({
    items: z.array(tagHistoryEntrySchema),
    next: z.number().int().nullable().describe('`before` for the next older page'),
  })
  .meta({ id: 'TagHistory', example: { items: [exampleOf(tagHistoryEntrySchema)], next: null } });

/**
 * What label sync did to a tag (both ways); `conflict`: it overwrote a change the other side had
 * not seen. `labeled` / `unlabeled` (the label put on or taken off a chat or message) are recorded
 * only when the phone's overruled a change made here that was not sent yet (every tagging is in
 * the tag's own history). `failed`: a change made here that WhatsApp refused on every try was
 * given up; `after` is `{action, chat?, message?, attempts, error}` (`action`: label, unlabel or
 * delete), or for a rename/recolour `{action: rename|recolour, name, color, attempts, error}` with
 * `before` the name and colour WhatsApp keeps.
 */
export const TAG_LABEL_CHANGES = [
  'created',
  'renamed',
  'recoloured',
  'deleted',
  'linked',
  'unlinked',
  'labeled',
  'unlabeled',
  'failed',
] as const;
export type TagLabelChange = (typeof TAG_LABEL_CHANGES)[number];

const tagLabelHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    tagName: z.string().describe('The name when it happened'),
    session: z.string().describe('The number'),
    labelId: z.string().describe("The label's id on that number"),
    origin: z.enum(['whatsapp', 'chatdock']).describe('Where the change was made'),
    change: z.enum(TAG_LABEL_CHANGES),
    before: z.record(z.string(), z.unknown()).nullable().describe('`{name, color}` before, when changed'),
    after: z.record(z.string(), z.unknown()).nullable().describe('`{name, color}` after'),
    conflict: z
      .boolean()
      .describe('The change overwrote one made on the other side that had not reached it (last change wins)'),
    actor: z.string(),
    at: z.string().describe('UTC ISO-8601'),
  })
  .meta({
    id: 'TagLabelHistoryEntry',
    example: {
      id: 7,
      tagName: 'Paid',
      session: 'shop',
      labelId: '3',
      origin: 'whatsapp',
      change: 'renamed',
      before: { name: 'Paid!', color: '#55ccb3' },
      after: { name: 'Paid', color: '#55ccb3' },
      conflict: true,
      actor: 'whatsapp:shop',
      at: '2026-11-21T10:05:00.000Z',
    },
  });
export type TagLabelHistoryEntry = z.infer<typeof tagLabelHistoryEntrySchema>;

export const tagLabelSyncSchema = z
  .object({
    tagId: z.string(),
    labels: z
      .array(z.object({ session: z.string(), labelId: z.string() }))
      .describe('The numbers the tag is synced with, and its label id on each'),
    history: z
      .array(tagLabelHistoryEntrySchema)
      .describe('What label sync did to the tag, newest first (50)'),
  })
  .meta({
    id: 'TagLabelSync',
    example: {
      tagId: 'tag_0193a1b2c3d4000012345678',
      labels: [{ session: 'shop', labelId: '3' }],
      history: [exampleOf(tagLabelHistoryEntrySchema)],
    },
  });
export type TagLabelSync = z.infer<typeof tagLabelSyncSchema>;

export const setTagLabelSyncInput = z
  .object({ enabled: z.boolean().describe("Sync the tag with the number's WhatsApp Business labels") })
  .strict()
  .meta({ example: { enabled: true } });

export const bulkTagInput = z
  .object({
    chats: z.array(z.string().min(1)).min(1, 'must list at least one chat').max(500),
    tagId: tagIdSchema,
    action: z.enum(['add', 'remove']).default('add'),
    extra: taggingExtraSchema.optional(),
  })
  .strict()
  .meta({
    example: {
      chats: ['972501234567@s.whatsapp.net', '972507654321@s.whatsapp.net'],
      tagId: 'tag_0193a1b2c3d4000012345678',
      action: 'add',
    },
  });
export const bulkTagResultSchema = z
  .object({ changed: z.number().int().describe('Chats whose tags changed') })
  .meta({ id: 'BulkTagResult', example: { changed: 2 } });

const savedReplyMediaSchema = z
  .object({
    type: z.enum(['image', 'video', 'document', 'audio']),
    url: z
      .string()
      .url('must be a URL')
      .refine((url) => url.startsWith('https://'), 'must be an https:// URL')
      .optional(),
    data: z
      .string()
      .min(1, 'must not be empty')
      .max(7_000_000, 'must be at most 5 MB')
      .optional()
      .describe('A data: URL or base64'),
    mimetype: z
      .string()
      .regex(/^[\w.+-]+\/[\w.+-]+/, 'must be a MIME type like image/png')
      .optional(),
    fileName: z.string().min(1).max(255).optional(),
  })
  .strict()
  .refine((media) => Boolean(media.url) !== Boolean(media.data), {
    message: 'give exactly one of url or data',
  })
  .meta({ id: 'SavedReplyMedia', example: { type: 'image', url: 'https://example.com/menu.jpg' } });
export type SavedReplyMedia = z.infer<typeof savedReplyMediaSchema>;

const shortcutSchema = z
  .string()
  .trim()
  .regex(SHORTCUT_PATTERN, 'must be 1–32 lowercase letters, digits, _ or -')
  .describe('Typed after `/` in the composer');

export const savedReplySchema = z
  .object({
    id: z.string(),
    shortcut: z.string(),
    title: z.string(),
    text: z.string().describe('May contain `[name]`, `[first_name]` and `[phone]`'),
    media: savedReplyMediaSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({
    id: 'SavedReply',
    example: {
      id: 'reply_0193a1b2c3d4000087654321',
      shortcut: 'hours',
      title: 'Opening hours',
      text: 'Hi [first_name]! We are open Sunday to Thursday 9:00–18:00 and Friday until 14:00.',
      media: null,
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
    },
  });
export type SavedReply = z.infer<typeof savedReplySchema>;
export const savedReplyListSchema = z
  .object({ items: z.array(savedReplySchema), next: z.null() })
  .meta({ id: 'SavedReplyList', example: { items: [exampleOf(savedReplySchema)], next: null } });

const replyText = z.string().max(65536);
export const createSavedReplyInput = z
  .object({
    shortcut: shortcutSchema,
    title: z.string().trim().max(80).optional().describe('Defaults to the shortcut'),
    text: replyText,
    media: savedReplyMediaSchema.nullable().optional(),
  })
  .strict()
  .refine((reply) => reply.text.trim() !== '' || Boolean(reply.media), {
    message: 'must not be empty without media',
    path: ['text'],
  })
  .meta({
    example: {
      shortcut: 'hours',
      title: 'Opening hours',
      text: 'Hi [first_name]! We are open Sunday to Thursday 9:00–18:00 and Friday until 14:00.',
    },
  });
export const updateSavedReplyInput = z
  .object({
    shortcut: shortcutSchema.optional(),
    title: z.string().trim().max(80).optional(),
    text: replyText.optional(),
    media: savedReplyMediaSchema.nullable().optional(),
  })
  .strict()
  .meta({ example: { text: 'Hi [first_name]! Today we close early, at 16:00.' } });

export const renderedReplySchema = z
  .object({
    text: z.string().describe('The text with placeholders filled for the chat'),
    media: savedReplyMediaSchema.nullable(),
  })
  .meta({
    id: 'RenderedReply',
    example: {
      text: 'Hi Dana! We are open Sunday to Thursday 9:00–18:00 and Friday until 14:00.',
      media: null,
    },
  });
export type RenderedReply = z.infer<typeof renderedReplySchema>;

/** A saved reply's media file, read (or downloaded, for a link) by the core, for the composer to attach. */
interface SavedReplyFile {
  /** The bytes as a `data:` URL. */
  dataUrl: string;
  mimetype: string;
  fileName: string;
}

export const noteTextSchema = z.string().trim().min(1, 'must not be empty').max(10_000);
export const chatNoteSchema = z
  .object({
    id: z.string(),
    session: z.string(),
    chat: z.string(),
    text: z.string(),
    author: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({
    id: 'ChatNote',
    example: {
      id: 'note_0193a1b2c3d40000aabbccdd',
      session: 'shop',
      chat: '972501234567@s.whatsapp.net',
      text: 'Allergic to sesame: no tahini on her orders.',
      author: 'admin',
      createdAt: '2026-11-21T10:10:00.000Z',
      updatedAt: '2026-11-21T10:10:00.000Z',
    },
  });
export type ChatNote = z.infer<typeof chatNoteSchema>;
export const chatNoteListSchema = z
  .object({ items: z.array(chatNoteSchema) })
  .meta({ id: 'ChatNoteList', example: { items: [exampleOf(chatNoteSchema)] } });

const chatRef = { session: sessionIdSchema, chat: z.string().min(1) };
const messageRef = { ...chatRef, id: z.string().min(1) };

export const organizeOperations = {
  'tags.list': op<{ items: Tag[] }>()(z.object({}).strict(), READ_MESSAGES),
  'tags.create': op<Tag>()(createTagInput, MANAGE_TAGS),
  'tags.update': op<Tag>()(updateTagInput.extend({ id: tagIdSchema }), MANAGE_TAGS),
  /** Without `confirm`, a tag in use is refused with CONFLICT naming its usage. */
  'tags.delete': op<DeletedTag>()(
    z.object({ id: tagIdSchema, confirm: z.boolean().default(false) }).strict(),
    { ...MANAGE_TAGS, limits: ['delete'] },
  ),
  /** A tag's WhatsApp Business label sync: the numbers it is synced with and what the sync did. */
  'tags.labelSync': op<TagLabelSync>()(z.object({ id: tagIdSchema }).strict(), MANAGE_TAGS),
  /**
   * Turns a tag's label sync on or off for one number (a business number, connected when turned
   * on): tag management on that number.
   */
  'tags.setLabelSync': op<TagLabelSync>()(
    setTagLabelSyncInput.extend({ id: tagIdSchema, session: sessionIdSchema }),
    { ...tagInSession, sessionKeys: false },
  ),
  'tags.ofChat': op<{ items: Tagging[] }>()(z.object(chatRef).strict(), readChat),
  /** The tags of many chats at once (the chat list); an "assigned" reader's own chats only. */
  'tags.ofChats': op<{ items: { chat: string; tags: TagRef[] }[] }>()(
    z.object({ session: sessionIdSchema, chats: z.array(z.string().min(1)).max(500) }).strict(),
    listChats,
  ),
  'tags.addToChat': op<{ items: Tagging[] }>()(
    z.object({ ...chatRef, tagId: tagIdSchema, extra: taggingExtraSchema.optional() }).strict(),
    tagInChat,
  ),
  'tags.removeFromChat': op<{ items: Tagging[] }>()(z.object({ ...chatRef, tagId: tagIdSchema }).strict(), {
    ...tagInChat,
    limits: ['delete'],
  }),
  'tags.bulk': op<{ changed: number }>()(bulkTagInput.extend({ session: sessionIdSchema }), tagInChats),
  'tags.ofMessage': op<{ items: Tagging[] }>()(z.object(messageRef).strict(), readChat),
  'tags.addToMessage': op<{ items: Tagging[] }>()(
    z.object({ ...messageRef, tagId: tagIdSchema, extra: taggingExtraSchema.optional() }).strict(),
    tagInChat,
  ),
  'tags.removeFromMessage': op<{ items: Tagging[] }>()(
    z.object({ ...messageRef, tagId: tagIdSchema }).strict(),
    { ...tagInChat, limits: ['delete'] },
  ),
  'tags.history': op<{ items: TagHistoryEntry[]; next: number | null }>()(
    z
      .object({
        ...chatRef,
        messageId: z.string().min(1).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        before: z.number().int().optional().describe('`next` of the previous page'),
        beforeTime: z.number().int().optional().describe('Only changes before this time (ms since 1970)'),
        since: z.number().int().optional().describe('Only changes at or after this time (ms since 1970)'),
        actor: z
          .string()
          .trim()
          .min(1)
          .max(120)
          .optional()
          .describe('Only changes by this actor, as `actor` shows it'),
      })
      .strict(),
    readChat,
  ),
  'savedReplies.list': op<{ items: SavedReply[] }>()(z.object({}).strict(), READ_MESSAGES),
  'savedReplies.create': op<SavedReply>()(createSavedReplyInput, MANAGE_SAVED_REPLIES),
  'savedReplies.update': op<SavedReply>()(
    updateSavedReplyInput.extend({ id: z.string().min(1) }),
    MANAGE_SAVED_REPLIES,
  ),
  'savedReplies.delete': op<{ ok: true }>()(z.object({ id: z.string().min(1) }).strict(), {
    ...MANAGE_SAVED_REPLIES,
    limits: ['delete'],
  }),
  'savedReplies.render': op<RenderedReply>()(
    z.object({ id: z.string().min(1), ...chatRef }).strict(),
    readChat,
  ),
  /** The reply's media as a file; NOT_FOUND when it has none. */
  'savedReplies.media': op<SavedReplyFile>()(z.object({ id: z.string().min(1) }).strict(), READ_MESSAGES),
  'notes.list': op<{ items: ChatNote[] }>()(z.object(chatRef).strict(), readChat),
  'notes.create': op<ChatNote>()(z.object({ ...chatRef, text: noteTextSchema }).strict(), sendInChat),
  'notes.update': op<ChatNote>()(
    z.object({ ...chatRef, id: z.string().min(1), text: noteTextSchema }).strict(),
    sendInChat,
  ),
  'notes.delete': op<{ ok: true }>()(z.object({ ...chatRef, id: z.string().min(1) }).strict(), {
    ...sendInChat,
    limits: ['delete'],
  }),
};
