/** Housekeeping: retention rules (old media, old messages per number) and their background run. */
import { z } from 'zod';
import { ADMIN_ONLY } from '../access.js';
import { op } from './operation.js';

/** Longest retention a rule may name: 100 years is "keep", say so with null instead. */
const MAX_DAYS = 36_500;
const days = z.number().int().min(1).max(MAX_DAYS);

export const retentionSchema = z
  .object({
    mediaDays: days
      .nullable()
      .describe(
        'Delete the media files of messages older than this many days (the message stays, marked "media removed"); null keeps media',
      ),
    messageDays: z
      .record(z.string(), days)
      .describe(
        'Per number (session id): delete its messages older than this many days. Numbers not listed keep everything (the default)',
      ),
  })
  .meta({ id: 'Retention', example: { mediaDays: 180, messageDays: { shop: 730 } } });
export type Retention = z.infer<typeof retentionSchema>;

const passCounts = {
  scanned: z.number().int().describe('Messages looked at so far'),
  mediaRemoved: z.number().int().describe('Messages whose media was removed'),
  messagesDeleted: z.number().int(),
  filesDeleted: z
    .number()
    .int()
    .describe('Media files deleted (a file several messages share goes with the last)'),
  bytesFreed: z.number().int().describe('Bytes of those media files'),
};

export const housekeepingStatusSchema = z
  .object({
    retention: retentionSchema,
    running: z
      .object({
        startedAt: z.string(),
        mediaBefore: z.string().nullable().describe('Media of messages older than this is removed'),
        messagesBefore: z
          .record(z.string(), z.string())
          .describe('Per number: messages older than this are deleted'),
        total: z.number().int().describe('Messages to look at (about)'),
        ...passCounts,
      })
      .nullable()
      .describe('The pass under way; it continues after a restart'),
    lastRun: z.object({ startedAt: z.string(), finishedAt: z.string(), ...passCounts }).nullable(),
    nextRunAt: z.string().nullable().describe('When the next pass starts (daily while a rule is set)'),
    vacuum: z.object({
      mode: z
        .enum(['incremental', 'none'])
        .describe(
          'incremental: freed pages are given back to the disk; none: not converted yet (see README)',
        ),
      freeBytes: z.number().int().describe('Unused space inside the database file'),
    }),
  })
  .meta({
    id: 'HousekeepingStatus',
    example: {
      retention: { mediaDays: 180, messageDays: {} },
      running: null,
      lastRun: {
        startedAt: '2026-12-05T03:00:00.000Z',
        finishedAt: '2026-12-05T03:00:41.000Z',
        scanned: 1_204_332,
        mediaRemoved: 812,
        messagesDeleted: 0,
        filesDeleted: 790,
        bytesFreed: 401_604_608,
      },
      nextRunAt: '2026-12-06T03:00:00.000Z',
      vacuum: { mode: 'incremental', freeBytes: 0 },
    },
  });
export type HousekeepingStatus = z.infer<typeof housekeepingStatusSchema>;

export const configureRetentionInput = z
  .strictObject({
    mediaDays: days.nullable().optional(),
    messageDays: z
      .record(z.string().min(1).max(64), days.nullable())
      .optional()
      .describe('Per number; null removes that number’s rule. Numbers left out keep theirs'),
  })
  .meta({ example: { mediaDays: 180, messageDays: { shop: 730 } } });

export const housekeepingOperations = {
  'housekeeping.status': op<HousekeepingStatus>()(z.strictObject({}), ADMIN_ONLY),
  'housekeeping.configure': op<HousekeepingStatus>()(configureRetentionInput, ADMIN_ONLY),
  'housekeeping.run': op<HousekeepingStatus>()(z.strictObject({}), ADMIN_ONLY),
};
