/**
 * Checks on the texts an automation sends, shared by the API (400 naming the field) and the
 * editor (the same message beside the field, before saving). Dependency-free.
 */

/** What `[…]` in an automatic message is filled with; any other `[word]` is sent as typed. */
export const AUTOMATION_PLACEHOLDERS = ['name', 'first_name', 'phone', 'time', 'opens_at'] as const;

/**
 * Why a spintax text is malformed, or null: every `{` needs its `}` (nesting allowed), and a
 * `}` may not come first. `{a|b}` picks one variant; braces without `|` stay as written.
 */
export function spintaxProblem(text: string): string | null {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth < 0) return 'has a "}" without its "{"';
    }
  }
  return depth > 0 ? 'has a "{" without its "}"' : null;
}

/** Placeholders written like ours (`[word]`) that we do not know: kept as typed, with a warning. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(AUTOMATION_PLACEHOLDERS);
  const found = [...text.matchAll(/\[([A-Za-z_]+)\]/g)].map((m) => m[1] ?? '');
  return [...new Set(found.filter((name) => !known.has(name.toLowerCase())))];
}

/** Why a pattern is not a valid JavaScript regular expression (Unicode mode), or null. */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'iu');
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return `is not a valid regular expression${reason ? ` (${reason})` : ''}`;
  }
}

/**
 * "Back", the label of `0` in the menu bot's sub-menus, in the automation's language when the
 * owner has not written their own (`menu.backLabel` null). Customers read it, so it follows the
 * automation's `language`, not the owner's UI; unknown languages get English.
 */
const MENU_BACK_WORDS: Record<string, string> = {
  en: 'Back',
  es: 'Volver',
  pt: 'Voltar',
  de: 'Zurück',
  he: 'חזרה',
  ar: 'رجوع',
};

export function menuBackLabel(backLabel: string | null, language: string): string {
  if (backLabel) return backLabel;
  const primary = language.split('-')[0]?.toLowerCase() ?? 'en';
  return MENU_BACK_WORDS[primary] ?? 'Back';
}
