/**
 * Usage per key (issue #26 point 3, seed 002's API analytics): requests per day by kind, errors,
 * and the last use, for named API keys, session keys, the admin key and personal tokens.
 */
import { z } from 'zod';
import { ADMIN_ONLY } from '../access.js';
import { SELF_ONLY } from './people.js';
import { op } from './operation.js';

export const USAGE_KINDS = ['read', 'send', 'write', 'delete', 'admin'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

const counts = Object.fromEntries(USAGE_KINDS.map((kind) => [kind, z.number().int()])) as Record<
  UsageKind,
  z.ZodNumber
>;

export const keyUsageSchema = z
  .object({
    keyId: z.string(),
    days: z
      .array(
        z.object({
          day: z.string().describe('UTC day, YYYY-MM-DD'),
          requests: z.object(counts).describe('Requests by kind'),
          clientErrors: z.number().int().describe('Answers 400–499'),
          serverErrors: z.number().int().describe('Answers 500 and above'),
        }),
      )
      .describe('One entry per day of the period, oldest first (days without use count 0)'),
    totals: z.object({
      requests: z.number().int(),
      clientErrors: z.number().int(),
      serverErrors: z.number().int(),
    }),
    lastUse: z
      .object({ at: z.string(), address: z.string().nullable() })
      .nullable()
      .describe('The last request with this key, and where it came from'),
  })
  .meta({
    id: 'KeyUsage',
    example: {
      keyId: 'b3c1c2f0-7d5e-4c39-9c57-0b8a4d1e2f3a',
      days: [
        {
          day: '2026-12-05',
          requests: { read: 812, send: 140, write: 12, delete: 0, admin: 1 },
          clientErrors: 3,
          serverErrors: 0,
        },
      ],
      totals: { requests: 965, clientErrors: 3, serverErrors: 0 },
      lastUse: { at: '2026-12-05T20:14:03.000Z', address: '127.0.0.1' },
    },
  });
export type KeyUsage = z.infer<typeof keyUsageSchema>;

export const keyUsageInput = z.strictObject({
  id: z.string().min(1, 'is required'),
  days: z.coerce.number().int().min(1).max(90).default(30).describe('How many days back, today included'),
});

export const keyUsageOperations = {
  'keyUsage.ofKey': op<KeyUsage>()(keyUsageInput, ADMIN_ONLY),
  'keyUsage.ofToken': op<KeyUsage>()(keyUsageInput, SELF_ONLY),
};
