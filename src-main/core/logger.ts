import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';
import { LogRing } from './log-ring.js';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear, so no key, token or secret reaches a log line
 * even if a caller logs a whole request or settings object.
 */
const REDACT_PATHS = [
  'key',
  'apiKey',
  'token',
  'secret',
  'password',
  'authorization',
  '*.key',
  '*.apiKey',
  '*.token',
  '*.secret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.token',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.token',
];

interface LoggerBundle {
  logger: Logger;
  /** The most recent log lines, kept in memory for the Logs page and GET /api/v1/logs. */
  ring: LogRing;
}

export function createLogger(level: LogLevel, options: { pretty?: boolean } = {}): LoggerBundle {
  const ring = new LogRing(2000);
  const streams: pino.StreamEntry[] = [{ level: 'trace', stream: ring }];
  if (level !== 'silent') {
    streams.push({ level, stream: options.pretty ? prettyStream() : process.stdout });
  }
  const logger = pino(
    {
      name: 'chatdock',
      // The in-memory ring (Logs page) always gets info and up; the console follows `level`.
      level: level === 'debug' || level === 'trace' ? level : 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.multistream(streams),
  );
  return { logger, ring };
}

/** Human-readable single lines for a terminal, without pulling in pino-pretty at run time. */
function prettyStream(): pino.DestinationStream {
  return {
    write(line: string) {
      try {
        const {
          level,
          time,
          msg,
          name: _name,
          pid: _pid,
          hostname: _host,
          ...rest
        } = JSON.parse(line) as Record<string, unknown>;
        const label = pino.levels.labels[Number(level)] ?? String(level);
        const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
        process.stdout.write(
          `${String(time).slice(11, 19)} ${label.toUpperCase().padEnd(5)} ${String(msg ?? '')}${extra}\n`,
        );
      } catch {
        process.stdout.write(line);
      }
    },
  };
}
