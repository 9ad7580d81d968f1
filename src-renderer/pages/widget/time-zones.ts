let cached: string[] | null = null;

/** Every IANA zone the browser knows, plus UTC, sorted; `current` is kept even if it is an alias. */
export function timeZoneOptions(current: string): string[] {
  cached ??= Array.from(new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])).sort();
  return current && !cached.includes(current) ? [current, ...cached] : cached;
}

// The zones are shown by their IANA names ("America/Sao_Paulo"), which are English identifiers
// rather than text to translate: their <option>s carry lang="en" so screen readers pronounce them
// as English and the e2e check for untranslated text leaves them alone.
