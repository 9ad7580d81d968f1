/**
 * Poll votes. WhatsApp never sends a vote in the clear: each `pollUpdateMessage` carries the
 * voter's whole current selection (SHA-256 hashes of option names), AES-GCM encrypted with a key
 * derived from the poll's own `messageSecret`. So a vote can only be read next to the stored poll
 * it belongs to. Baileys rc14 has the decryption helper but no longer applies votes itself
 * (that code is commented out in its process-message.js), so we do it here.
 */
import { createHash } from 'node:crypto';
import {
  decryptPollVote,
  isJidGroup,
  jidNormalizedUser,
  normalizeMessageContent,
  proto,
  type WAMessageKey,
} from '@whiskeysockets/baileys';

/** Our own JIDs on the socket; WhatsApp encrypts with either, depending on the chat's addressing. */
interface OwnJids {
  jid: string | null;
  lid: string | null;
}

/**
 * How a poll message's stored `content.votes` keeps the votes: voter JID → the options they
 * have selected now and when they chose them. A withdrawn vote keeps its entry with no options,
 * so an older vote arriving late cannot bring it back.
 */
export type PollVotes = Record<string, { options: string[]; at: number }>;

/** The voter's current selection, or a withdrawn vote (empty list). */
interface VoteSelection {
  voterJid: string;
  options: string[];
  /** Unix ms when the voter chose; an older selection never replaces a newer one. */
  at: number;
}

/** The creation part of a poll message, whichever of WhatsApp's poll versions it uses. */
export function pollCreationOf(
  message: proto.IMessage | null | undefined,
): proto.Message.IPollCreationMessage | null {
  return (
    message?.pollCreationMessage ??
    message?.pollCreationMessageV2 ??
    message?.pollCreationMessageV3 ??
    message?.pollCreationMessageV5 ??
    null
  );
}

const hashHex = (name: string) => createHash('sha256').update(name).digest('hex');

/** Option names for the hashes a voter selected; hashes of no known option are dropped. */
function optionNames(options: string[], hashes: readonly Uint8Array[]): string[] {
  const byHash = new Map(options.map((name) => [hashHex(name), name]));
  return hashes.flatMap((hash) => byHash.get(Buffer.from(hash).toString('hex')) ?? []);
}

/** Every JID the author of a message may be known by (phone number and LID), without devices. */
export function authorJids(key: WAMessageKey, me: OwnJids): string[] {
  const candidates = key.fromMe
    ? [me.jid, me.lid]
    : isJidGroup(key.remoteJid ?? '')
      ? [key.participant, key.participantAlt]
      : [key.remoteJid, key.remoteJidAlt];
  const jids = candidates.flatMap((jid) => (jid ? [jidNormalizedUser(jid)] : []));
  return [...new Set(jids.filter(Boolean))];
}

/** A stored poll, as the vote decryption needs it. */
export interface StoredPoll {
  /** The poll's raw WebMessageInfo (carries the options and the `messageSecret`). */
  raw: Buffer;
  /** Who created it, by phone-number JID (the raw key may only know a LID). */
  senderJid: string | null;
}

/**
 * Decrypts one vote with the stored poll it answers. Returns the selected option names, or
 * null when the poll has no secret or the vote does not decrypt. The voter and creator JIDs the
 * sender used are not on the wire, so each known form is tried; AES-GCM's tag tells the right
 * pair from a wrong one.
 */
export function decryptVoteSelection(
  stored: StoredPoll,
  vote: proto.Message.IPollEncValue,
  voterJids: string[],
  me: OwnJids,
): string[] | null {
  const poll = proto.WebMessageInfo.decode(stored.raw);
  const content = normalizeMessageContent(poll.message);
  const creation = pollCreationOf(content);
  const secret =
    content?.messageContextInfo?.messageSecret ?? poll.message?.messageContextInfo?.messageSecret;
  const pollId = poll.key?.id;
  if (!poll.key || !creation || !secret || !pollId || !vote.encPayload || !vote.encIv) return null;
  const options = (creation.options ?? []).map((option) => option.optionName ?? '');
  const creatorJids = new Set([...authorJids(poll.key, me), ...(stored.senderJid ? [stored.senderJid] : [])]);
  for (const creatorJid of creatorJids) {
    for (const voterJid of voterJids) {
      try {
        const decrypted = decryptPollVote(vote, {
          pollCreatorJid: creatorJid,
          pollMsgId: pollId,
          pollEncKey: secret,
          voterJid,
        });
        return optionNames(options, decrypted.selectedOptions);
      } catch {
        // Wrong JID pair (the GCM tag did not match): try the next.
      }
    }
  }
  return null;
}

/**
 * Votes the phone already decrypted and attached to a poll (`pollUpdates` of a history-synced
 * poll), as each voter's latest selection.
 */
export function selectionsFromPollUpdates(
  options: string[],
  updates: readonly proto.IPollUpdate[] | null | undefined,
  voterOf: (key: WAMessageKey) => string | null,
): VoteSelection[] {
  const latest = new Map<string, VoteSelection>();
  for (const update of updates ?? []) {
    const voterJid = update.pollUpdateMessageKey ? voterOf(update.pollUpdateMessageKey) : null;
    if (!voterJid) continue;
    const at = Number((update.senderTimestampMs ?? 0).toString());
    const seen = latest.get(voterJid);
    if (seen && seen.at > at) continue;
    latest.set(voterJid, { voterJid, at, options: optionNames(options, update.vote?.selectedOptions ?? []) });
  }
  return [...latest.values()];
}
