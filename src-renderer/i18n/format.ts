import type { IntlShape } from 'react-intl';
import { currentIntl } from './store';

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in the reader's number format and unit words: "1.5 MB", "1,5 MB", "1.5 ميغابايت". */
export function formatBytes(bytes: number, intl: IntlShape = currentIntl()): string {
  // Bytes in words ("23 bytes"): CLDR's short English form is the singular "23 byte".
  if (bytes < 1024) return intl.formatNumber(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return intl.formatNumber(value, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  });
}

/** A short local date and time for tables, in the reader's locale. */
export function formatDateTime(iso: string | number, intl: IntlShape = currentIntl()): string {
  return intl.formatDate(iso, { dateStyle: 'short', timeStyle: 'medium' });
}
