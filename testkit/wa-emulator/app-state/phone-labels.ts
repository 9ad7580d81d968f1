/**
 * WhatsApp Business labels as the account's phone knows them. Labels travel as app-state
 * mutations of the `regular` collection (the server cannot read them, app-state/collections.ts):
 *
 * - `["label_edit", labelId]` → `labelEditAction {name, color, deleted, predefinedId}`: a label
 *   created, renamed, recoloured (`color` is an index into WhatsApp's 20 label colours) or deleted;
 * - `["label_jid", labelId, chatJid]` → `labelAssociationAction {labeled}`: a label put on or
 *   taken off a chat;
 * - `["label_message", labelId, chatJid, messageId, "0", "0"]`: the same for one message.
 *
 * Only WhatsApp Business accounts have labels: the phone of a personal account refuses to make
 * them (a linked device of a personal account has no label UI either). These helpers read the
 * phone's decoded view (every patch any device uploaded, applied in order: the last change wins)
 * and make the phone's own changes, which reach the linked devices like any app-state change.
 */
import type { ChatModification } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import type { PhoneAppState } from './phone-app-state.js';

export interface PhoneLabel {
  id: string;
  name: string;
  /** Index into WhatsApp's 20 label colours (0–19). */
  color: number;
  deleted: boolean;
  /** Chats carrying the label (jids), in no particular order. */
  chats: string[];
}

/** A label change made on the phone: create or edit (`name`, `color`) or delete. */
export interface PhoneLabelEdit {
  id: string;
  name: string;
  color: number;
  deleted?: boolean;
}

export function assertBusiness(account: AccountRecord): void {
  if (!account.business)
    throw new Error(`${account.phone} is not a WhatsApp Business account: it has no labels`);
}

/** The app-state change a label edit on the phone makes (Baileys' own encoding). */
export function labelEditModification(edit: PhoneLabelEdit): ChatModification {
  return {
    addLabel: { id: edit.id, name: edit.name, color: edit.color, deleted: edit.deleted ?? false },
  };
}

/** Putting a label on a chat, or taking it off. */
export function chatLabelModification(labelId: string, labeled: boolean): ChatModification {
  return labeled ? { addChatLabel: { labelId } } : { removeChatLabel: { labelId } };
}

/** The labels the phone shows, with the chats each is on (deleted ones included, marked). */
export function labelsOf(view: PhoneAppState): PhoneLabel[] {
  const chats = new Map<string, string[]>();
  for (const entry of view.entriesOf('label_jid')) {
    const [, labelId, jid] = entry.index;
    if (!labelId || !jid || !entry.value.labelAssociationAction?.labeled) continue;
    chats.set(labelId, [...(chats.get(labelId) ?? []), jid]);
  }
  return view.entriesOf('label_edit').map((entry) => {
    const id = entry.index[1] ?? '';
    const edit = entry.value.labelEditAction ?? {};
    return {
      id,
      name: edit.name ?? '',
      color: edit.color ?? 0,
      deleted: edit.deleted ?? false,
      chats: edit.deleted ? [] : (chats.get(id) ?? []),
    };
  });
}
