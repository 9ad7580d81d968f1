/**
 * The group-info panel of a group chat (issue #18 point 9): the group with its members' names and
 * the commands WhatsApp allows on it. REST has the same commands under /sessions/{id}/groups.
 */
import { z } from 'zod';
import type { Group } from '../messages.js';
import { readChat, sendInChat } from '../access.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export interface GroupMember {
  jid: string;
  role: 'member' | 'admin' | 'superadmin';
  /** Digits of the phone number, when known (a member listed by LID may have none yet). */
  phone: string | null;
  /** The saved name, else the business name, else the profile name. */
  name: string | null;
  /** The linked number itself. */
  isMe: boolean;
}

export interface GroupInfo {
  group: Group;
  members: GroupMember[];
  /** Our role: admins may add, remove, promote and demote, and edit a locked group's info. */
  myRole: GroupMember['role'] | null;
  /** The invite link, once known (asked for or announced by WhatsApp); only admins see it. */
  invite: { code: string; url: string } | null;
}

const groupRef = z.object({ session: sessionIdSchema, chat: z.string().min(1) }).strict();

/** A group's subject and description, as `groupInfo.update` and `groups.update` change them. */
export const groupAboutShape = {
  subject: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  description: z.string().max(2048).optional(),
};

export const groupOperations = {
  'groupInfo.get': op<GroupInfo>()(groupRef, readChat),
  'groupInfo.members': op<{ items: { jid: string; status: string }[] }>()(
    groupRef
      .extend({
        action: z.enum(['add', 'remove', 'promote', 'demote']),
        participants: z.array(z.string().min(1)).min(1, 'must list at least one participant').max(256),
      })
      .strict(),
    { ...sendInChat, limits: ['delete'] },
  ),
  'groupInfo.update': op<GroupInfo>()(groupRef.extend(groupAboutShape).strict(), sendInChat),
  'groupInfo.invite': op<{ code: string; url: string }>()(groupRef, readChat),
  'groupInfo.revokeInvite': op<{ code: string; url: string }>()(groupRef, {
    ...sendInChat,
    limits: ['delete'],
  }),
  // Leaving and removing members take someone out of a conversation: counted as deletions.
  'groupInfo.leave': op<{ ok: true }>()(groupRef, { ...sendInChat, limits: ['delete'] }),
};
