/**
 * Campaign message templates: spintax `{Hi|Hello}` (nestable) picks one variant per recipient,
 * placeholders `[name]`, `[phone]` and custom columns are filled from the recipient's row. The
 * choice is seeded by the template and the recipient, so the dry-run preview shows exactly the
 * text that recipient will get.
 */

/** FNV-1a, 32 bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, deterministic generator in [0, 1), from a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same generator seeded by a text (a template and a recipient). */
export function seededRandom(seed: string): () => number {
  return mulberry32(hash(seed));
}

/** Resolves `{a|b|{c|d}}` from the innermost group out. Braces without `|` stay as written. */
export function spin(template: string, random: () => number): string {
  let text = template;
  const innermost = /\{([^{}]*\|[^{}]*)\}/;
  for (let guard = 0; guard < 10_000; guard++) {
    const match = innermost.exec(text);
    if (!match) break;
    const options = (match[1] ?? '').split('|');
    const choice = options[Math.floor(random() * options.length)] ?? '';
    text = text.slice(0, match.index) + choice + text.slice(match.index + match[0].length);
  }
  return text;
}

const PLACEHOLDER = /\[([\p{L}\p{N} _.-]{1,64})\]/gu;

/** Placeholder names used by a template, lowercased. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? '').trim().toLowerCase()))];
}

/** Fills placeholders (case-insensitive); a missing value becomes empty and the spacing is tidied. */
export function fill(text: string, variables: Record<string, string>): string {
  const lower = new Map(Object.entries(variables).map(([k, v]) => [k.trim().toLowerCase(), v]));
  let missing = false;
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = lower.get(name.trim().toLowerCase());
    if (value === undefined || value === '') {
      missing = true;
      return '';
    }
    return value;
  });
  if (!missing) return filled;
  return filled
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/^[ \t]+|[ \t]+$/gm, '');
}

/** The text one recipient gets. */
export function render(template: string, variables: Record<string, string>, seedKey: string): string {
  return fill(spin(template, seededRandom(`${template}\u0000${seedKey}`)), variables).trim();
}
