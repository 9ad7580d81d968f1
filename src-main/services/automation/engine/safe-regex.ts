/**
 * Runs an owner's regular expression against a customer's message with a time limit.
 *
 * Why a `vm` context with `timeout`: JavaScript regular expressions backtrack, so a pattern such
 * as `(a+)+$` against "aaaa…b" runs for minutes, and it runs on the event loop that also serves
 * WhatsApp and the API. `vm`'s timeout stops the script (including a regular expression in the
 * middle of backtracking, V8 checks for interrupts there) and throws; the match then counts as
 * "no match" and is logged. A worker thread would also bound it but costs a thread hop for every
 * rule of every message; the context here is made once and reused, so a normal match costs
 * microseconds.
 */
import vm from 'node:vm';

export const REGEX_TIME_LIMIT_MS = 50;

export type RegexTest = (pattern: string, text: string) => boolean;

export class RegexTimeout extends Error {
  constructor(readonly pattern: string) {
    super(`the pattern took longer than ${REGEX_TIME_LIMIT_MS} ms and was stopped`);
  }
}

export function createRegexTest(timeoutMs = REGEX_TIME_LIMIT_MS): RegexTest {
  const sandbox: { pattern: string; text: string } = { pattern: '', text: '' };
  const context = vm.createContext(sandbox);
  const script = new vm.Script('new RegExp(pattern, "iu").test(text)');
  return (pattern, text) => {
    sandbox.pattern = pattern;
    sandbox.text = text;
    try {
      return script.runInContext(context, { timeout: timeoutMs }) === true;
    } catch (error) {
      // Errors from inside the context belong to another realm (`instanceof Error` is false).
      if ((error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        throw new RegexTimeout(pattern);
      // An invalid pattern is refused when saved; one stored before a Node upgrade changed the
      // syntax simply does not match.
      return false;
    }
  };
}
