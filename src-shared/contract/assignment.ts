/**
 * Assignment (issue #16): each chat's status (open, pending/snoozed, resolved), its assignee (a
 * person, a team with no person yet, or nobody) and the history of changes. The REST routes
 * (api/routes/assignment.ts) are thin adapters onto these operations.
 */
import { z } from 'zod';
import { chatField, listChats, sessionField, type Access } from '../access.js';
import { exampleOf } from '../examples.js';
import { op } from './operation.js';
import { actorSchema } from './people.js';
import { sessionIdSchema } from './sessions.js';

import { CHAT_STATUSES, type ChatStatus } from './constants/assignment.js';

export { CHAT_STATUSES, type ChatStatus };

/**
 * Why an assignment changed (events and history): `rule:<id>` names the routing rule;
 * `team_deleted` / `person_deleted`: the chat was moved when its team or person was deleted.
 */
export const ASSIGN_REASONS = [
  'manual',
  'round_robin',
  'webhook',
  'reply',
  'handoff',
  'team_deleted',
  'person_deleted',
] as const;
export type AssignReason = (typeof ASSIGN_REASONS)[number] | `rule:${string}`;

const ref = z.object({ id: z.string(), name: z.string() });

export const assigneeSchema = z
  .object({
    user: ref.nullable().describe('The person who owns the chat, or null'),
    team: ref.nullable().describe('The team the chat belongs to, or null'),
  })
  .meta({
    id: 'Assignee',
    example: { user: { id: 'usr_7Qm2', name: 'Dana Levi' }, team: { id: 'team_support', name: 'Support' } },
  });
export type Assignee = z.infer<typeof assigneeSchema>;

export const chatAssignmentSchema = z
  .object({
    session: z.string(),
    chat: z.string().describe('The chat JID'),
    status: z.enum(CHAT_STATUSES),
    snoozedUntil: z.string().nullable().describe('UTC ISO-8601 a pending chat opens again at'),
    assignee: assigneeSchema,
  })
  .meta({
    id: 'ChatAssignment',
    example: {
      session: 'shop',
      chat: '972501234567@s.whatsapp.net',
      status: 'open',
      snoozedUntil: null,
      assignee: exampleOf(assigneeSchema),
    },
  });
export type ChatAssignment = z.infer<typeof chatAssignmentSchema>;

export const assignmentHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().describe('UTC ISO-8601'),
    change: z.enum(['assignee', 'status']),
    from: z.unknown().describe('The assignee (`Assignee`) or status before'),
    to: z.unknown().describe('The assignee (`Assignee`) or status after'),
    actor: actorSchema,
    reason: z
      .string()
      .describe(
        'manual, reply, handoff, round_robin, webhook, rule:<id>, team_deleted, person_deleted, customer, snooze_ended',
      ),
    note: z.string().nullable(),
  })
  .meta({
    id: 'AssignmentHistoryEntry',
    example: {
      id: 12,
      at: '2026-12-05T10:42:00.000Z',
      change: 'assignee',
      from: { user: null, team: null },
      to: { user: null, team: { id: 'team_support', name: 'Support' } },
      actor: { type: 'user', id: 'usr_7Qm2', name: 'Dana Levi' },
      reason: 'manual',
      note: null,
    },
  });
export type AssignmentHistoryEntry = z.infer<typeof assignmentHistoryEntrySchema>;

export const assignmentHistorySchema = z
  .object({ items: z.array(assignmentHistoryEntrySchema), next: z.null() })
  .meta({
    id: 'AssignmentHistory',
    example: { items: [exampleOf(assignmentHistoryEntrySchema)], next: null },
  });

const chatKey = {
  session: sessionIdSchema,
  chat: z.string().trim().min(1, 'is required').max(200).describe('The chat: a JID or a phone number'),
};

/** The inbox views as list filters (`GET /chats`, `chats.list`). */
export const chatViewQuery = z.object({
  assignee: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe('`me`, `none` (nobody; a team may have it) or a person id'),
  team: z.string().trim().min(1).max(64).optional().describe('Only chats of this team'),
  status: z.enum(CHAT_STATUSES).optional().describe('open, pending or resolved (the views ask for one)'),
});

export const byChatInput = z.strictObject(chatKey);

/** `user` and `team` both null (or absent) unassigns. */
export const assignInput = z
  .strictObject({
    ...chatKey,
    user: z.string().min(1).max(64).nullable().optional().describe('Person id, `me`, or null for nobody'),
    team: z.string().min(1).max(64).nullable().optional().describe('Team id, or null for no team'),
    ifAssignee: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe(
        'Compare-and-set: the person you saw owning the chat (null: nobody). If someone else owns it now, 409 naming them',
      ),
    note: z.string().max(500).optional(),
  })
  .meta({
    id: 'AssignChat',
    example: { session: 'shop', chat: '972501234567', user: 'me', ifAssignee: null },
  });
export type AssignInput = z.infer<typeof assignInput>;

export const setStatusInput = z
  .strictObject({
    ...chatKey,
    status: z.enum(CHAT_STATUSES),
    /** Only with `pending`: when it opens again by itself. */
    snoozeUntil: z.iso.datetime({ offset: true }).optional().describe('With `pending`: when it opens again'),
  })
  .meta({ id: 'SetChatStatus', example: { session: 'shop', chat: '972501234567', status: 'resolved' } });
export type SetStatusInput = z.infer<typeof setStatusInput>;

export const handoffInput = z
  .strictObject({
    ...chatKey,
    team: z.string().min(1, 'is required').max(64).describe('Team id'),
    note: z.string().max(500).optional().describe('Shown in the chat history for the people taking over'),
  })
  .meta({
    id: 'Handoff',
    example: { session: 'shop', chat: '972501234567', team: 'team_support', note: 'Asked for a refund' },
  });

export const bulkUpdateInput = z
  .strictObject({
    session: sessionIdSchema,
    chats: z.array(z.string().trim().min(1).max(200)).min(1).max(200),
    user: z.string().min(1).max(64).nullable().optional(),
    team: z.string().min(1).max(64).nullable().optional(),
    status: z.enum(CHAT_STATUSES).optional(),
  })
  .meta({
    id: 'BulkAssignment',
    example: { session: 'shop', chats: ['972501234567'], user: 'usr_7Qm2', status: 'open' },
  });

export const bulkResultSchema = z
  .object({ items: z.array(chatAssignmentSchema) })
  .meta({ id: 'BulkAssignmentResult', example: { items: [exampleOf(chatAssignmentSchema)] } });

export const assignmentSettingsSchema = z
  .strictObject({
    replyAssigns: z.boolean().describe('Sending a reply to an unassigned chat assigns it to the sender'),
    foreignReply: z
      .enum(['allow', 'warn', 'forbid'])
      .describe('Sending in a chat assigned to someone else: allowed, asked first, or refused'),
  })
  .meta({ id: 'AssignmentSettings', example: { replyAssigns: true, foreignReply: 'warn' } });
export type AssignmentSettings = z.infer<typeof assignmentSettingsSchema>;

export const availabilitySchema = z
  .strictObject({ available: z.boolean() })
  .meta({ id: 'Availability', example: { available: true } });

export const assignmentCandidatesSchema = z
  .object({
    people: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        available: z.boolean().describe('False when the person set themselves away'),
      }),
    ),
    teams: z.array(ref),
  })
  .meta({
    id: 'AssignmentCandidates',
    example: {
      people: [{ id: 'usr_7Qm2', name: 'Dana Levi', available: true }],
      teams: [{ id: 'team_support', name: 'Support' }],
    },
  });
export type AssignmentCandidates = z.infer<typeof assignmentCandidatesSchema>;

/** The inbox views' counts (Mine, Unassigned, each of my teams, All) for one status, or every status. */
export const viewCountsInput = z
  .strictObject({
    session: sessionIdSchema.optional().describe('Only this number (the inbox’s number filter)'),
    status: z.enum(CHAT_STATUSES).optional().describe('open, pending or resolved; absent: every status'),
  })
  .meta({ id: 'ViewCountsQuery', example: { status: 'open' } });

export const viewCountsSchema = z
  .object({
    status: z.enum(CHAT_STATUSES).nullable().describe('The status counted (null: every status)'),
    mine: z
      .number()
      .int()
      .nullable()
      .describe('Chats assigned to the signed-in person (null for keys and the desktop)'),
    unassigned: z.number().int().describe('Chats with no person (a team may have them)'),
    teams: z
      .array(z.object({ id: z.string(), name: z.string(), count: z.number().int() }))
      .describe('Each of the signed-in person’s teams'),
    all: z.number().int().describe('Every chat the caller may read'),
  })
  .meta({
    id: 'ViewCounts',
    example: {
      status: 'open',
      mine: 4,
      unassigned: 2,
      teams: [{ id: 'team_support', name: 'Support', count: 3 }],
      all: 17,
    },
  });
export type ViewCounts = z.infer<typeof viewCountsSchema>;

/** Events: `chat.assigned` and `chat.status_changed` (contract/events.ts). */
export interface ChatAssignedEvent {
  chat: string;
  from: Assignee;
  to: Assignee;
  actor: z.infer<typeof actorSchema>;
  reason: string;
  note: string | null;
}
export interface ChatStatusChangedEvent {
  chat: string;
  from: ChatStatus;
  to: ChatStatus;
  snoozedUntil: string | null;
  actor: z.infer<typeof actorSchema>;
  reason: string;
}

/** Reading a chat's assignment needs read on it; changing it needs write. */
const READ_CHAT = {
  scope: 'messages:read',
  session: sessionField,
  chat: chatField,
} as const satisfies Access;
const WRITE_CHAT = {
  scope: 'messages:send',
  session: sessionField,
  chat: chatField,
} as const satisfies Access;
/** Bulk names many chats: an "assigned" reader may not use it (the number's full write is needed). */
const WRITE_NUMBER = { scope: 'messages:send', session: sessionField } as const satisfies Access;
const ADMIN_PEOPLE = { scope: 'admin', people: 'admin' } as const satisfies Access;
const SELF = {
  scope: ['messages:read', 'messages:send'],
  sessionKeys: false,
  people: 'self',
  keys: false,
} as const satisfies Access;

export const assignmentOperations = {
  'assignment.get': op<ChatAssignment>()(byChatInput, READ_CHAT),
  /** Who the chat can be given to (the assignee picker): enabled people who may read the number, and teams. */
  'assignment.candidates': op<AssignmentCandidates>()(byChatInput, READ_CHAT),
  'assignment.history': op<z.infer<typeof assignmentHistorySchema>>()(byChatInput, READ_CHAT),
  'assignment.assign': op<ChatAssignment>()(assignInput, WRITE_CHAT),
  'assignment.setStatus': op<ChatAssignment>()(setStatusInput, WRITE_CHAT),
  /** A bot hands the chat to a team (unassigned in it), reopening it, with a note. */
  'assignment.handoff': op<ChatAssignment>()(handoffInput, WRITE_CHAT),
  'assignment.bulk': op<z.infer<typeof bulkResultSchema>>()(bulkUpdateInput, WRITE_NUMBER),
  /** Mine / Unassigned / my teams / All counts, limited to what the caller may read (like the list). */
  'assignment.viewCounts': op<ViewCounts>()(viewCountsInput, listChats),
  /** "Mark as read for me": the person's own unread mark; no WhatsApp read receipt is sent. */
  'assignment.markReadForMe': op<{ readAt: string }>()(byChatInput, {
    ...READ_CHAT,
    ...{ sessionKeys: false, keys: false },
  }),
  'assignmentSettings.get': op<AssignmentSettings>()(z.strictObject({}), { scope: 'messages:read' }),
  'assignmentSettings.update': op<AssignmentSettings>()(
    assignmentSettingsSchema.partial().strict(),
    ADMIN_PEOPLE,
  ),
  'availability.get': op<{ available: boolean }>()(z.strictObject({}), SELF),
  'availability.set': op<{ available: boolean }>()(availabilitySchema, SELF),
};
