/** Recent log lines of the core (an in-memory ring of the last 2,000, secrets redacted). */
import { z } from 'zod';
import { ADMIN_ONLY } from '../access.js';
import { op } from './operation.js';

export const LOG_LEVEL_NAMES = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

/** pino's numeric levels. */
export const LOG_LEVEL_VALUES: Record<LogLevelName, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
};

export const logsQuery = z.strictObject({
  level: z.enum(LOG_LEVEL_NAMES).default('info').describe('The lowest level to include'),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Only lines newer than this (ISO-8601), e.g. the time of the last line you have'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(2000)
    .default(500)
    .describe('The newest lines, at most this many'),
});

const logEntrySchema = z
  .object({
    time: z.string().describe('UTC ISO-8601'),
    level: z.enum(LOG_LEVEL_NAMES),
    msg: z.string(),
    context: z.record(z.string(), z.unknown()).describe('The other fields of the line; secrets are redacted'),
  })
  .meta({
    id: 'LogEntry',
    example: {
      time: '2026-11-21T10:00:00.000Z',
      level: 'info',
      msg: 'API listening',
      context: { host: '127.0.0.1', port: 8787 },
    },
  });
export type LogLine = z.infer<typeof logEntrySchema>;

export const logListSchema = z.object({ items: z.array(logEntrySchema).describe('Oldest first') }).meta({
  id: 'LogList',
  example: {
    items: [
      {
        time: '2026-11-21T10:00:00.000Z',
        level: 'info',
        msg: 'API listening',
        context: { host: '127.0.0.1', port: 8787 },
      },
    ],
  },
});
export type LogList = z.infer<typeof logListSchema>;

export const logOperations = {
  'logs.list': op<LogList>()(logsQuery, ADMIN_ONLY),
};
