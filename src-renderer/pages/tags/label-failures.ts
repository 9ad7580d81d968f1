/**
 * The tag editor's note on label changes WhatsApp refused on every try (the label history's
 * `failed` entries, label-pusher.ts): the newest per number, worded for the reader — a label put
 * on or taken off a chat, a label deleted, renamed or recoloured.
 */
import type { IntlShape } from 'react-intl';
import type { TagLabelHistoryEntry } from '../../../src-shared/contract/organize';
import { formatDateTime } from '../../i18n/format';

/** The newest given-up change per number (history is newest first). */
export function newestFailures(
  history: readonly TagLabelHistoryEntry[],
): Record<string, TagLabelHistoryEntry> {
  const found: Record<string, TagLabelHistoryEntry> = {};
  for (const entry of history)
    if (entry.change === 'failed' && !found[entry.session]) found[entry.session] = entry;
  return found;
}

/** The values of the note's message (`tags.labels.failed`). */
export function failureValues(intl: IntlShape, entry: TagLabelHistoryEntry | undefined) {
  const after = entry?.after ?? {};
  const chat = typeof after.chat === 'string' ? after.chat.split('@')[0] : '';
  return {
    action: String(after.action ?? 'delete'),
    chat,
    // A rename given up: the name WhatsApp refused (the tag's own name here).
    name: typeof after.name === 'string' ? after.name : '',
    attempts: Number(after.attempts ?? 0),
    when: entry ? formatDateTime(entry.at, intl) : '',
    error: String(after.error ?? ''),
  };
}

/** The note as plain text (what the unit test reads; the editor renders `failureValues`). */
export function failureText(intl: IntlShape, entry: TagLabelHistoryEntry | undefined): string {
  return intl.formatMessage({ id: 'tags.labels.failed' }, failureValues(intl, entry));
}
