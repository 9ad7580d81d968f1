/**
 * The source catalogue: English, one JSON file per area of the UI (`<area>/en.json`, ids start
 * with `<area>.`). Its keys are the only message ids the code may use (types.ts), so a missing
 * key fails the type check; catalogues.test.ts fails on unused keys and on any other language
 * missing a key. A new area adds its import to `en-first-screen.ts` when the first screen (sign-in,
 * the inbox, the shell) uses it, else to `en-pages.ts`.
 */
import { firstScreenEnglish } from './en-first-screen';
import { pageEnglish } from './en-pages';

/** Every area's English texts: the ids the code may use, and what the tests check. */
export const english = { ...firstScreenEnglish, ...pageEnglish };

export type MessageId = keyof typeof english;
