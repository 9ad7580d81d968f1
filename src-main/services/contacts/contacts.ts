import { AppError } from '../../../src-shared/errors.js';
import type { Statement } from 'better-sqlite3';
import { parseJid } from '../../../src-shared/jid.js';
import type { Contact } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { WaActions } from '../../wa/actions.js';
import type { ContactRecord } from '../../wa/session-events.js';

interface ContactRowRaw {
  jid: string;
  lid: string | null;
  phone: string | null;
  name: string | null;
  notify: string | null;
  verified_name: string | null;
}

function toContact(sessionId: string, row: ContactRowRaw): Contact {
  return {
    session: sessionId,
    jid: row.jid,
    lid: row.lid,
    phone: row.phone,
    name: row.name,
    notify: row.notify,
    verifiedName: row.verified_name,
  };
}

/**
 * Contacts of each session, with phone-number and LID identities merged into one row: a row
 * first known only by its LID is re-keyed to the phone number once WhatsApp reveals it.
 */
export class ContactService {
  // Prepared once: the call log and the contact panel ask for names often.
  private readonly selectContact: Statement<[string, string, string]>;

  constructor(
    private readonly db: Db,
    private readonly actions: Pick<WaActions, 'isConnected' | 'profileStatus' | 'devices'>,
  ) {
    this.selectContact = db.$client.prepare(
      `SELECT jid, lid, phone, name, notify, verified_name FROM contacts
       WHERE session_id = ? AND (jid = ? OR lid = ?)`,
    );
  }

  /**
   * A person's "about" text, asked from WhatsApp each time (it is not stored). Null when empty,
   * hidden by their privacy settings, for groups, or while the session is offline.
   */
  async about(sessionId: string, jid: string): Promise<string | null> {
    const kind = parseJid(jid)?.kind;
    if ((kind !== 'user' && kind !== 'lid') || !this.actions.isConnected(sessionId)) return null;
    return this.actions.profileStatus(sessionId, jid);
  }

  /**
   * A person's devices, asked from WhatsApp each time (issue #26 point 8): the phone (device 0)
   * and their linked devices. NOT_CONNECTED while the number is offline; a group has none.
   */
  async devices(sessionId: string, jid: string): Promise<{ device: number; jid: string }[]> {
    const kind = parseJid(jid)?.kind;
    if (kind !== 'user' && kind !== 'lid') {
      throw new AppError('VALIDATION_FAILED', 'jid: devices belong to a person, not a group', 'jid');
    }
    if (!this.actions.isConnected(sessionId)) {
      throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    }
    const devices = await this.actions.devices(sessionId, jid);
    return devices.sort((a, b) => a.device - b.device);
  }

  /** Merges what WhatsApp told us; returns how many contacts changed. */
  upsert(sessionId: string, records: readonly ContactRecord[]): number {
    const sqlite = this.db.$client;
    const upsert = sqlite.prepare(
      `INSERT INTO contacts (session_id, jid, lid, phone, name, notify, verified_name, updated_at)
       VALUES (@sessionId, @jid, @lid, @phone, @name, @notify, @verifiedName, @now)
       ON CONFLICT (session_id, jid) DO UPDATE SET
         lid = coalesce(excluded.lid, lid), phone = coalesce(excluded.phone, phone),
         name = coalesce(excluded.name, name), notify = coalesce(excluded.notify, notify),
         verified_name = coalesce(excluded.verified_name, verified_name), updated_at = excluded.updated_at
       WHERE coalesce(excluded.lid, lid) IS NOT lid OR coalesce(excluded.phone, phone) IS NOT phone
         OR coalesce(excluded.name, name) IS NOT name OR coalesce(excluded.notify, notify) IS NOT notify
         OR coalesce(excluded.verified_name, verified_name) IS NOT verified_name`,
    );
    // A contact first seen by LID, now known by phone: fold the LID row into the phone row.
    const dropLidRow = sqlite.prepare(`DELETE FROM contacts WHERE session_id = ? AND jid = ? AND jid <> ?`);
    const now = new Date().toISOString();
    let changed = 0;
    sqlite.transaction(() => {
      for (const record of records) {
        if (record.lid && record.jid !== record.lid) dropLidRow.run(sessionId, record.lid, record.jid);
        changed += upsert.run({ sessionId, ...record, now }).changes;
      }
    })();
    return changed;
  }

  get(sessionId: string, jid: string): Contact | null {
    const row = this.selectContact.get(sessionId, jid, jid) as ContactRowRaw | undefined;
    return row ? toContact(sessionId, row) : null;
  }

  list(
    sessionId: string,
    options: { q?: string | undefined; limit: number; after?: string | undefined },
  ): Contact[] {
    const pattern = options.q ? `%${options.q.replace(/[%_]/g, '')}%` : null;
    const rows = this.db.$client
      .prepare(
        `SELECT jid, lid, phone, name, notify, verified_name FROM contacts
         WHERE session_id = @sessionId AND jid > @after
           AND (@pattern IS NULL OR name LIKE @pattern OR notify LIKE @pattern OR phone LIKE @pattern)
         ORDER BY jid LIMIT @limit`,
      )
      .all({ sessionId, after: options.after ?? '', pattern, limit: options.limit }) as ContactRowRaw[];
    return rows.map((row) => toContact(sessionId, row));
  }

  /** The best display name for a JID: address book, business name, then profile name. */
  displayName(sessionId: string, jid: string): string | null {
    const contact = this.get(sessionId, jid);
    return contact ? (contact.name ?? contact.verifiedName ?? contact.notify) : null;
  }
}
