/** Text that has broken servers before: ill-formed UTF-16, NUL, direction controls, escapes. */
export const NASTY_STRINGS: readonly string[] = [
  '\ud800',
  'x\udfffy',
  '\ud83d', // half an emoji
  '\u0000',
  'a\u0000b',
  '\u202e\u2066evil\u2069', // right-to-left override and isolates
  '\u200f\u200e',
  '\ufeff',
  '%',
  '%zz',
  '%25zz',
  '%00',
  '../../etc/passwd',
  '..',
  '"',
  "'; DROP TABLE messages; --",
  '*',
  '" OR "',
  'NEAR(a b)',
  '\\',
  '<script>alert(1)</script>',
  '{{constructor}}',
  '__proto__',
  'constructor',
  '𝕏'.repeat(3),
  ' ',
  '',
  '\r\n\r\n',
  '9'.repeat(40),
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
];

/** A string far over any field's limit. */
export function hugeString(length = 1024 * 1024): string {
  return 'ʬ'.repeat(length);
}
