import { formatDateTime } from '../../i18n/format';

/** A short local date and time for tables, in the reader's language. */
export function formatTime(iso: string): string {
  return formatDateTime(iso);
}
