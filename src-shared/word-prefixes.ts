/**
 * The one-letter words Hebrew and Arabic attach to the next word ("the", "and", "to", "in", …).
 * Search indexes each word also without them (src-main/db/search-prefixes.ts), and the inbox
 * highlights a hit with its prefixes (src-renderer/model/inbox/highlight.ts).
 */
export const HEBREW_PREFIX_LETTERS = 'והבכלמש';
/** و ف (and, so) come first, then ب ك ل (in, like, to), then the article ال (ل + ال is written لل). */
export const ARABIC_CONJUNCTIONS = 'وف';
export const ARABIC_PREPOSITIONS = 'بكل';
export const ARABIC_ARTICLE = 'ال';
/** Hebrew stacks at most three (ו + ש + ה: "ושהבית" is rare). */
export const HEBREW_MAX_PREFIXES = 3;
