import type { KeywordRule } from '../../../../src-shared/contract/automation.js';
import { fold, isUnspaced, words } from './fold.js';
import type { RegexTest } from './safe-regex.js';

/** Whether `sequence` appears in `haystack` as consecutive items. */
function containsRun(haystack: readonly string[], sequence: readonly string[]): boolean {
  if (sequence.length === 0) return false;
  outer: for (let start = 0; start + sequence.length <= haystack.length; start++) {
    for (let i = 0; i < sequence.length; i++) if (haystack[start + i] !== sequence[i]) continue outer;
    return true;
  }
  return false;
}

function startsWithRun(haystack: readonly string[], sequence: readonly string[]): boolean {
  return sequence.length > 0 && sequence.every((word, i) => haystack[i] === word);
}

/**
 * Whether one pattern matches a message. Words are compared after folding; a pattern in a script
 * written without spaces (Chinese, Thai, …) has no word edges to find, so it matches as a run of
 * characters instead.
 */
export function patternMatches(
  match: KeywordRule['match'],
  pattern: string,
  text: string,
  regex: RegexTest,
): boolean {
  if (match === 'regex') return regex(fold(pattern), fold(text));
  const textWords = words(text);
  const patternWords = words(pattern);
  if (patternWords.length === 0) return false;
  if (match === 'exact') return textWords.join(' ') === patternWords.join(' ');
  if (isUnspaced(pattern)) {
    const joined = textWords.join(' ');
    const wanted = patternWords.join(' ');
    return match === 'startsWith' ? joined.startsWith(wanted) : joined.includes(wanted);
  }
  return match === 'startsWith'
    ? startsWithRun(textWords, patternWords)
    : containsRun(textWords, patternWords);
}

/** The first enabled rule, in order, with a pattern matching the message. */
export function firstMatchingRule(
  rules: readonly KeywordRule[],
  text: string,
  regex: RegexTest,
): KeywordRule | null {
  return (
    rules.find(
      (rule) =>
        rule.enabled && rule.patterns.some((pattern) => patternMatches(rule.match, pattern, text, regex)),
    ) ?? null
  );
}
