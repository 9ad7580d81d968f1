/**
 * Scripts written without spaces between words: Chinese (Han), Japanese kana, Thai, Lao, Khmer
 * and Burmese. Search treats each of their characters as a word (see src-main/db/search-text.ts),
 * so a run of them is found anywhere in a message; the inbox highlights it the same way.
 * A regular-expression class body, for use inside `[…]` with the `u` or `v` flag.
 */
export const UNSPACED_SCRIPTS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
