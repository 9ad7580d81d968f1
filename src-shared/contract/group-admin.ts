/**
 * Groups over REST and RPC (issue #19): lists and details from our own store, creating,
 * joining by invite link (with a preview first), the settings admins control (only admins send,
 * only admins edit info, approval of newcomers) and the join requests that approval creates.
 * The group-info panel's own commands are `groupInfo.*` (contract/groups.ts).
 */
import { z } from 'zod';
import { readChat, readSession, sendInChat, sendInSession } from '../access.js';
import { groupParticipantSchema, groupSchema, type Group } from '../messages.js';
import { mediaSourceSchema } from '../send-schemas.js';
import { groupAboutShape } from './groups.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

export const groupDetailSchema = groupSchema.extend({ participants: z.array(groupParticipantSchema) });
export type GroupDetail = z.infer<typeof groupDetailSchema>;

export interface GroupLists {
  groups: Group[];
  channels: Group[];
}

/** Someone waiting for an admin's approval to join by link. */
export interface GroupJoinRequest {
  /** The group. */
  chat: string;
  /** The phone-number JID when WhatsApp gave it, else the LID. */
  jid: string;
  lid: string | null;
  /** Digits of the phone number, when known. */
  phone: string | null;
  /** The saved name, else the business or profile name, when we know them. */
  name: string | null;
  /** How they asked (`invite_link`, …). */
  method: string | null;
  /** Unix ms. */
  requestedAt: number;
}

/** A decided request: approved or rejected by an admin (here or on a phone), or withdrawn. */
export type GroupJoinDecision = GroupJoinRequest & { decision: 'approved' | 'rejected' | 'withdrawn' };

/** What an invite link leads to, before joining. */
export interface GroupInvitePreview {
  jid: string;
  subject: string;
  description: string | null;
  participantCount: number;
  /** Joining waits for an admin's approval. */
  joinApproval: boolean;
  /** The number is in the group already. */
  member: boolean;
}

export interface GroupJoinResult {
  /** `requested`: the group's admins approve newcomers; the request waits for them. */
  status: 'joined' | 'requested';
  /** The group, when joined. */
  group: Group | null;
}

const participantsSchema = z
  .array(z.string().min(1))
  .min(1, 'must list at least one participant')
  .max(256, 'at most 256 at a time');

/**
 * A `https://chat.whatsapp.com/<code>` link or the bare code. Codes are base64url (letters,
 * digits, `-`, `_`); anything else is refused here, naming the field.
 */
export const inviteLinkSchema = z
  .string()
  .trim()
  .transform((value) =>
    value.replace(/^(https?:\/\/)?chat\.whatsapp\.com\/(invite\/)?/i, '').replace(/[/?#].*$/, ''),
  )
  .pipe(
    z.string().regex(/^[\w-]{6,64}$/, 'must be a WhatsApp group invite link (https://chat.whatsapp.com/…)'),
  );

const sessionRef = z.object({ session: sessionIdSchema }).strict();
const groupRef = z.object({ session: sessionIdSchema, chat: z.string().min(1) }).strict();

/** At least one must be given (checked by the service, naming the fields). */
export const groupSettingsShape = {
  announce: z.boolean().optional().describe('Only admins may send messages'),
  restrict: z.boolean().optional().describe('Only admins may edit the group info'),
  joinApproval: z.boolean().optional().describe('Admins approve who joins by link'),
};

export const groupAdminOperations = {
  'groups.byKind': op<GroupLists>()(
    sessionRef.extend({ refresh: z.boolean().optional() }).strict(),
    readSession,
  ),
  'groups.create': op<GroupDetail>()(
    sessionRef
      .extend({
        subject: z.string().trim().min(1, 'must not be empty').max(100),
        participants: z.array(z.string().min(1)).min(1, 'must list at least one participant').max(1024),
      })
      .strict(),
    sendInSession,
  ),
  'groups.get': op<GroupDetail>()(groupRef, readChat),
  'groups.update': op<GroupDetail>()(groupRef.extend(groupAboutShape).strict(), sendInChat),
  'groups.picture': op<GroupDetail>()(groupRef.extend({ media: mediaSourceSchema }).strict(), sendInChat),
  'groups.settings': op<Group>()(groupRef.extend(groupSettingsShape).strict(), sendInChat),
  'groups.joinRequests': op<{ items: GroupJoinRequest[] }>()(
    groupRef.extend({ refresh: z.boolean().optional() }).strict(),
    readChat,
  ),
  'groups.decideJoinRequests': op<{ items: { jid: string; status: string }[] }>()(
    groupRef.extend({ decision: z.enum(['approve', 'reject']), participants: participantsSchema }).strict(),
    sendInChat,
  ),
  'groups.invitePreview': op<GroupInvitePreview>()(
    sessionRef.extend({ link: inviteLinkSchema }).strict(),
    readSession,
  ),
  'groups.join': op<GroupJoinResult>()(sessionRef.extend({ link: inviteLinkSchema }).strict(), sendInSession),
};
