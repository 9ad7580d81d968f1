/**
 * Rate limits by kind (issue #26 point 2, seed 002): each kind is a budget of `limit` requests per
 * `windowSeconds`, counted per key (a person's browsers and tokens share one), and for chat sends
 * also per number. Wrong keys are limited per address, apart (docs/API.md "Rate limits").
 */
import { z } from 'zod';
import { ADMIN_ONLY } from '../access.js';
import { op } from './operation.js';

export const RATE_LIMIT_KINDS = ['global', 'sensitive', 'delete', 'sendPerKey', 'sendPerNumber'] as const;
export type RateLimitKind = (typeof RATE_LIMIT_KINDS)[number];

export const rateLimitSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(1_000_000).describe('Requests allowed per window (also the burst)'),
    windowSeconds: z
      .number()
      .int()
      .min(1)
      .max(86_400)
      .describe('The window in seconds; the budget refills evenly over it'),
  })
  .meta({ id: 'RateLimit', example: { limit: 30, windowSeconds: 60 } });
export type RateLimit = z.infer<typeof rateLimitSchema>;
export type RateLimitTable = Record<RateLimitKind, RateLimit>;

/** Defaults: generous for people and scripts, tight where guessing or mass sending would hurt. */
export const DEFAULT_RATE_LIMITS: RateLimitTable = {
  global: { limit: 1200, windowSeconds: 60 },
  sensitive: { limit: 30, windowSeconds: 60 },
  delete: { limit: 60, windowSeconds: 60 },
  sendPerKey: { limit: 120, windowSeconds: 60 },
  sendPerNumber: { limit: 60, windowSeconds: 60 },
};

const table = (limit: z.ZodType) =>
  z.strictObject(
    Object.fromEntries(RATE_LIMIT_KINDS.map((kind) => [kind, limit])) as Record<RateLimitKind, typeof limit>,
  );

export const rateLimitSettingsSchema = z
  .object({
    limits: table(rateLimitSchema).describe('The limits in force'),
    defaults: table(rateLimitSchema).describe('What each kind is reset to'),
  })
  .meta({ id: 'RateLimitSettings', example: { limits: DEFAULT_RATE_LIMITS, defaults: DEFAULT_RATE_LIMITS } });
export type RateLimitSettings = { limits: RateLimitTable; defaults: RateLimitTable };

export const setRateLimitsInput = z
  .strictObject({
    limits: z
      .strictObject(
        Object.fromEntries(
          RATE_LIMIT_KINDS.map((kind) => [kind, rateLimitSchema.nullable().optional()]),
        ) as Record<RateLimitKind, z.ZodOptional<z.ZodNullable<typeof rateLimitSchema>>>,
      )
      .describe('Kinds left out keep their limit; null resets a kind to its default'),
  })
  .meta({ example: { limits: { sendPerNumber: { limit: 20, windowSeconds: 60 }, delete: null } } });
export type SetRateLimitsInput = z.infer<typeof setRateLimitsInput>;

export const rateLimitOperations = {
  'rateLimits.get': op<RateLimitSettings>()(z.strictObject({}), ADMIN_ONLY),
  'rateLimits.set': op<RateLimitSettings>()(setRateLimitsInput, { ...ADMIN_ONLY, limits: ['sensitive'] }),
};
