/** A bounded in-memory buffer of recent JSON log lines (a pino destination). */
export interface LogEntry {
  level: number;
  time: string;
  msg: string;
  [key: string]: unknown;
}

export class LogRing {
  private readonly entries: LogEntry[] = [];

  constructor(private readonly capacity: number) {}

  write(line: string): void {
    try {
      this.entries.push(JSON.parse(line) as LogEntry);
    } catch {
      return;
    }
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Entries at or above `minLevel`, newer than `since` (ISO time), oldest first. */
  query(minLevel = 0, since?: string): LogEntry[] {
    return this.entries.filter((entry) => entry.level >= minLevel && (!since || entry.time > since));
  }
}
