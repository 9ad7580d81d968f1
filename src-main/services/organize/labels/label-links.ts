/**
 * The stored side of label sync: which tag is which label on which number (`tag_labels`, with
 * what WhatsApp last had) and what the sync did (`tag_label_history`). Plain reads and writes;
 * the caller holds the transaction.
 */
import type { TagLabelChange, TagLabelHistoryEntry } from '../../../../src-shared/contract/organize.js';
import type { Db } from '../../../db/connection.js';

export interface LabelLink {
  tagId: string;
  sessionId: string;
  labelId: string;
  syncedName: string;
  syncedColor: number;
}

/**
 * A pending rename/recolour WhatsApp refused (migration 0055): how often, when it may be tried
 * again (null: now), and whether it was given up (not sent again until the tag changes). Kept
 * with the name and colour it was of, so it never applies to a later change of the tag.
 */
export interface EditSchedule {
  attempts: number;
  retryAt: number | null;
  givenUp: boolean;
}

const LINK_COLUMNS = `tag_id AS tagId, session_id AS sessionId, label_id AS labelId,
  synced_name AS syncedName, synced_color AS syncedColor`;

export interface HistoryWrite {
  tag: { id: string; name: string };
  sessionId: string;
  labelId: string;
  origin: 'whatsapp' | 'chatdock';
  change: TagLabelChange;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  conflict: boolean;
  actor: string;
}

export class LabelLinks {
  constructor(private readonly db: Db) {}

  byLabel(sessionId: string, labelId: string): LabelLink | undefined {
    return this.db.$client
      .prepare<[string, string], LabelLink>(
        `SELECT ${LINK_COLUMNS} FROM tag_labels WHERE session_id = ? AND label_id = ?`,
      )
      .get(sessionId, labelId);
  }

  byTag(tagId: string): LabelLink[] {
    return this.db.$client
      .prepare<[string], LabelLink>(
        `SELECT ${LINK_COLUMNS} FROM tag_labels
         WHERE tag_id = ? AND session_id IN (SELECT id FROM sessions) ORDER BY session_id`,
      )
      .all(tagId);
  }

  /** A number's links (for sending what changed here while it was offline). */
  bySession(sessionId: string): LabelLink[] {
    return this.db.$client
      .prepare<[string], LabelLink>(
        `SELECT ${LINK_COLUMNS} FROM tag_labels WHERE session_id = ? ORDER BY CAST(label_id AS INTEGER)`,
      )
      .all(sessionId);
  }

  of(tagId: string, sessionId: string): LabelLink | undefined {
    return this.byTag(tagId).find((link) => link.sessionId === sessionId);
  }

  /**
   * A new label id on the number: WhatsApp Business numbers its labels 1, 2, 3, …; every label
   * the number has reached us (as a tag), so the next free number is past the highest known,
   * and past `floor` (a deleted label whose deletion has not been sent yet).
   */
  nextLabelId(sessionId: string, floor = 0): string {
    const row = this.db.$client
      .prepare<[string], { top: number | null }>(
        `SELECT max(CAST(label_id AS INTEGER)) AS top FROM tag_labels WHERE session_id = ?`,
      )
      .get(sessionId);
    return String(Math.max(row?.top ?? 0, floor, 0) + 1);
  }

  link(link: LabelLink): void {
    this.db.$client
      .prepare(
        `INSERT INTO tag_labels (tag_id, session_id, label_id, synced_name, synced_color, linked_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(link.tagId, link.sessionId, link.labelId, link.syncedName, link.syncedColor, Date.now());
  }

  /** What WhatsApp now has for the label (after a change arrived, or before one is sent). */
  synced(tagId: string, sessionId: string, name: string, color: number): void {
    this.db.$client
      .prepare('UPDATE tag_labels SET synced_name = ?, synced_color = ? WHERE tag_id = ? AND session_id = ?')
      .run(name, color, tagId, sessionId);
  }

  /**
   * The refusals of the link's pending rename/recolour to `name`/`color` (none for an unknown
   * link, or when they were of another name or colour: the tag changed since).
   */
  editSchedule(tagId: string, sessionId: string, name: string, color: number): EditSchedule {
    const row = this.db.$client
      .prepare<
        [string, string, string, number],
        { attempts: number; retryAt: number | null; givenUp: number }
      >(
        `SELECT edit_attempts AS attempts, edit_retry_at AS retryAt, edit_given_up AS givenUp
         FROM tag_labels WHERE tag_id = ? AND session_id = ? AND edit_name = ? AND edit_color = ?`,
      )
      .get(tagId, sessionId, name, color);
    return { attempts: row?.attempts ?? 0, retryAt: row?.retryAt ?? null, givenUp: row?.givenUp === 1 };
  }

  /**
   * Counts a refusal of the pending rename/recolour to `name`/`color`: tried again at `retryAt`,
   * or given up (null).
   */
  editRefused(
    tagId: string,
    sessionId: string,
    edit: { name: string; color: number },
    attempts: number,
    retryAt: number | null,
  ): void {
    this.db.$client
      .prepare(
        `UPDATE tag_labels SET edit_attempts = ?, edit_retry_at = ?, edit_given_up = ?, edit_name = ?, edit_color = ?
         WHERE tag_id = ? AND session_id = ?`,
      )
      .run(attempts, retryAt, retryAt === null ? 1 : 0, edit.name, edit.color, tagId, sessionId);
  }

  /**
   * The tag changed (here or on the phone: every number), or its change reached one number's
   * WhatsApp: the next rename/recolour starts with fresh tries.
   */
  editSettled(tagId: string, sessionId?: string): void {
    this.db.$client
      .prepare(
        `UPDATE tag_labels
         SET edit_attempts = 0, edit_retry_at = NULL, edit_given_up = 0, edit_name = NULL, edit_color = NULL
         WHERE tag_id = ? AND (? IS NULL OR session_id = ?) AND edit_name IS NOT NULL`,
      )
      .run(tagId, sessionId ?? null, sessionId ?? null);
  }

  unlink(tagId: string, sessionId: string): void {
    this.db.$client
      .prepare('DELETE FROM tag_labels WHERE tag_id = ? AND session_id = ?')
      .run(tagId, sessionId);
  }

  /** The numbers each tag is synced with (existing numbers only), for the tag list. */
  sessionsByTag(): Map<string, string[]> {
    const rows = this.db.$client
      .prepare<[], { tagId: string; sessionId: string }>(
        `SELECT tag_id AS tagId, session_id AS sessionId FROM tag_labels
         WHERE session_id IN (SELECT id FROM sessions) ORDER BY session_id`,
      )
      .all();
    const map = new Map<string, string[]>();
    for (const { tagId, sessionId } of rows) map.set(tagId, [...(map.get(tagId) ?? []), sessionId]);
    return map;
  }

  /** A removed number's links go with it. */
  forgetSession(sessionId: string): void {
    this.db.$client.prepare('DELETE FROM tag_labels WHERE session_id = ?').run(sessionId);
  }

  record(entry: HistoryWrite): void {
    this.db.$client
      .prepare(
        `INSERT INTO tag_label_history
           (tag_id, tag_name, session_id, label_id, origin, change, before, after, conflict, actor, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.tag.id,
        entry.tag.name,
        entry.sessionId,
        entry.labelId,
        entry.origin,
        entry.change,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        entry.conflict ? 1 : 0,
        entry.actor,
        Date.now(),
      );
  }

  /** The tag a number's label last belonged to, as the history named it (for a deleted tag). */
  lastTagOf(sessionId: string, labelId: string): { id: string; name: string } | undefined {
    return this.db.$client
      .prepare<[string, string], { id: string; name: string }>(
        `SELECT tag_id AS id, tag_name AS name FROM tag_label_history
         WHERE session_id = ? AND label_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(sessionId, labelId);
  }

  history(tagId: string, limit: number): TagLabelHistoryEntry[] {
    const rows = this.db.$client
      .prepare<
        [string, number],
        {
          id: number;
          tagName: string;
          sessionId: string;
          labelId: string;
          origin: 'whatsapp' | 'chatdock';
          change: TagLabelChange;
          before: string | null;
          after: string | null;
          conflict: number;
          actor: string;
          at: number;
        }
      >(
        `SELECT id, tag_name AS tagName, session_id AS sessionId, label_id AS labelId, origin, change,
                before, after, conflict, actor, at
         FROM tag_label_history WHERE tag_id = ? ORDER BY id DESC LIMIT ?`,
      )
      .all(tagId, limit);
    return rows.map((row) => ({
      id: row.id,
      tagName: row.tagName,
      session: row.sessionId,
      labelId: row.labelId,
      origin: row.origin,
      change: row.change,
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
      conflict: row.conflict === 1,
      actor: row.actor,
      at: new Date(row.at).toISOString(),
    }));
  }
}
