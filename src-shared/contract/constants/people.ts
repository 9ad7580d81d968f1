/**
 * The staff-account values the UI needs on its first screen, without zod: `contract/people.ts`
 * builds its schemas at load, and importing a constant from it brought zod (~90 kB) into the
 * sign-in bundle (issue #23 target 7). The schemas re-export these.
 */

/** The shortest password accepted (NIST 800-63B's minimum for chosen passwords). */
export const MIN_PASSWORD_LENGTH = 8;
