let cached: string[] | null = null;

/** Every IANA zone the browser knows, plus UTC, sorted; `current` is kept even if it is an alias. */
export function timeZoneOptions(current: string): string[] {
  cached ??= Array.from(new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])).sort();
  return current && !cached.includes(current) ? [current, ...cached] : cached;
}
