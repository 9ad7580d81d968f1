import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** How long an invite or reset code works. */
export const SETUP_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time invite/reset code the owner reads out or sends by chat (no e-mail server): 12
 * characters from an alphabet without look-alikes (60 bits), shown as `XXXX-XXXX-XXXX`. Only
 * its SHA-256 is stored (60 random bits plus the sign-in rate limit make guessing hopeless).
 */
export function newSetupCode(): string {
  let code = '';
  for (let i = 0; i < 12; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export function hashSetupCode(code: string): string {
  const normalised = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(normalised).digest('hex');
}

export function setupCodeMatches(stored: string | null, code: string): boolean {
  if (!stored) return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(hashSetupCode(code));
  return a.length === b.length && timingSafeEqual(a, b);
}
