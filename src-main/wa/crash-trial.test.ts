/**
 * The crash trial with a few kills (the full one: `npm run trial -- --kills 100`, see
 * docs/RELIABILITY.md): the server is SIGKILLed at seeded random moments while a real Baileys
 * customer writes to it and an API client sends through it. Nothing may be lost or doubled.
 */
import { expect, it } from 'vitest';
import { runCrashTrial } from '../../testkit/support/crash-trial.js';

it(
  'stores every customer message once, announces each, and delivers every API send and schedule once across SIGKILLs',
  { timeout: 900_000 },
  async () => {
    const result = await runCrashTrial({
      kills: 3,
      seed: Number(process.env.CHATDOCK_TRIAL_SEED ?? 27),
      drainTimeoutMs: 300_000,
    });
    expect(result.customer.sent).toBeGreaterThan(0);
    expect(result.api.sent).toBeGreaterThan(0);
    expect(result.customer.lost).toEqual([]);
    expect(result.customer.duplicated).toEqual([]);
    expect(result.customer.notAnnounced).toEqual([]);
    expect(result.api.lost).toEqual([]);
    expect(result.api.duplicated).toEqual([]);
    expect(result.schedules.due).toBeGreaterThan(0);
    expect(result.schedules.lost).toEqual([]);
    expect(result.schedules.duplicated).toEqual([]);
    expect(result.waiting).toBe(0);
    expect(result.badSignatures).toBe(0);
  },
);
