/**
 * Text as keyword rules compare it: case and accents ignored in any script. NFD splits a letter
 * from its marks (é → e + ◌́), the marks are dropped, and the rest is lower-cased; compatibility
 * forms (full-width letters, ligatures) are folded by NFKC first. Both the customer's text and
 * the owner's patterns go through the same fold, so scripts whose vowels are marks (Hebrew
 * points, Devanagari signs) still compare like with like.
 */
import { UNSPACED_SCRIPTS } from '../../../../src-shared/unspaced-scripts.js';

export function fold(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

const UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'u');

/** The folded words of a text: runs of letters and digits (punctuation and spaces split them). */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** True for text in a script written without spaces, where "a word" cannot be told apart. */
export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}
