import type { IntlShape } from 'react-intl';

/** A duration in the largest unit that keeps it readable ("45 s", "12 min", "3.5 h", "2 days"). */
export function formatDuration(intl: IntlShape, ms: number | null): string {
  if (ms === null) return '—';
  const unit = (value: number, name: string, digits = 0) =>
    intl.formatNumber(value, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    });
  const seconds = ms / 1000;
  if (seconds < 60) return unit(Math.round(seconds), 'second');
  if (seconds < 3600) return unit(Math.round(seconds / 60), 'minute');
  if (seconds < 48 * 3600) return unit(seconds / 3600, 'hour', 1);
  return unit(seconds / 86_400, 'day', 1);
}
