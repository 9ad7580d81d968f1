/**
 * A number's privacy settings and block list (issue #19), read from and changed on WhatsApp;
 * nothing is stored here (WhatsApp is the record, and the phone shows the same).
 */
import { AppError } from '../../../src-shared/errors.js';
import {
  PRIVACY_KEYS,
  type BlockedContact,
  type PrivacySettings,
} from '../../../src-shared/contract/privacy.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import type { WaPrivacyActions } from '../../wa/privacy-actions.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { blockedContactOf } from './block-event.js';
import type { ContactService } from '../contacts/contacts.js';
import type { SessionService } from '../sessions/sessions.js';

const PHONE_JID = /^(\d{5,20})@s\.whatsapp\.net$/;

/** A contact as a user JID: a phone-number JID, a LID, or bare international digits. */
export function userJidOf(input: string): string {
  const trimmed = input.trim().replace(/^\+/, '');
  if (/^\d{5,20}$/.test(trimmed)) return `${trimmed}@s.whatsapp.net`;
  if (PHONE_JID.test(trimmed) || /^\d{5,25}@lid$/.test(trimmed)) return trimmed;
  throw new AppError(
    'VALIDATION_FAILED',
    'jid: must be a phone number or a contact JID (…@s.whatsapp.net)',
    'jid',
  );
}

export class PrivacyService {
  constructor(
    private readonly actions: WaPrivacyActions,
    private readonly sessions: SessionService,
    private readonly contacts: ContactService,
    private readonly events: EventRecorder,
  ) {}

  async get(session: string): Promise<PrivacySettings> {
    this.sessions.get(session);
    return this.actions.privacy(session);
  }

  /** Changes the settings given, one WhatsApp request each, and answers them all as they are now. */
  async update(session: string, change: Partial<PrivacySettings>, actor: Actor): Promise<PrivacySettings> {
    this.sessions.get(session);
    for (const key of PRIVACY_KEYS) {
      const value = change[key];
      if (value !== undefined) await this.actions.setPrivacy(session, key, value);
    }
    const now = await this.actions.privacy(session);
    this.events.record('session.privacy_updated', session, now, actor);
    return now;
  }

  async blocklist(session: string): Promise<BlockedContact[]> {
    this.sessions.get(session);
    const jids = await this.actions.blocklist(session);
    return jids.map((jid) => this.describe(session, jid));
  }

  async setBlocked(
    session: string,
    contact: string,
    blocked: boolean,
    actor: Actor,
  ): Promise<BlockedContact[]> {
    this.sessions.get(session);
    const jid = userJidOf(contact);
    await this.actions.setBlocked(session, jid, blocked);
    this.announceBlock(session, jid, blocked, actor);
    return this.blocklist(session);
  }

  /** `contact.blocked` / `contact.unblocked` (one made on the phone: the event sink's `blocklist`). */
  private announceBlock(session: string, jid: string, blocked: boolean, actor: Actor): void {
    const data = blockedContactOf(this.contacts, session, jid);
    this.events.record(blocked ? 'contact.blocked' : 'contact.unblocked', session, data, actor);
  }

  private describe(session: string, jid: string): BlockedContact {
    const { chat: _chat, ...contact } = blockedContactOf(this.contacts, session, jid);
    return contact;
  }
}
