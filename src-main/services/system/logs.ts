import {
  LOG_LEVEL_NAMES,
  LOG_LEVEL_VALUES,
  type LogLevelName,
  type LogLine,
  type LogList,
} from '../../../src-shared/contract/logs.js';
import type { LogEntry, LogRing } from '../../core/log-ring.js';

/** Fields every pino line has that say nothing about the event itself. */
const ENVELOPE_FIELDS = new Set(['level', 'time', 'msg', 'name', 'pid', 'hostname']);

/** Recent log lines from the in-memory ring (already redacted by the logger), for the API and the Logs page. */
export class LogService {
  constructor(private readonly ring: LogRing) {}

  query(input: { level: LogLevelName; since?: string | undefined; limit: number }): LogList {
    const since = input.since ? new Date(input.since).toISOString() : undefined;
    const entries = this.ring.query(LOG_LEVEL_VALUES[input.level], since);
    return { items: entries.slice(-input.limit).map(toLine) };
  }
}

function levelName(value: number): LogLevelName {
  let name: LogLevelName = 'trace';
  for (const candidate of LOG_LEVEL_NAMES) if (value >= LOG_LEVEL_VALUES[candidate]) name = candidate;
  return name;
}

function toLine(entry: LogEntry): LogLine {
  const context: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (!ENVELOPE_FIELDS.has(key)) context[key] = value;
  return { time: entry.time, level: levelName(entry.level), msg: String(entry.msg ?? ''), context };
}
