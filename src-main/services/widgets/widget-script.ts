import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../../core/paths.js';

function defaultWidgetScriptFile(): string {
  return path.join(appRoot(), 'dist', 'widget', 'widget.js');
}

/**
 * The built embeddable script (`dist/widget/widget.js`), read from disk once and kept in memory;
 * re-read only when the file changes (a rebuild while the app runs). Null until it is built.
 */
export class WidgetScript {
  private cached: { mtimeMs: number; size: number; source: string } | null = null;

  constructor(readonly file: string = defaultWidgetScriptFile()) {}

  source(): string | null {
    let stat;
    try {
      stat = statSync(this.file);
    } catch {
      return null;
    }
    if (!this.cached || this.cached.mtimeMs !== stat.mtimeMs || this.cached.size !== stat.size) {
      this.cached = { mtimeMs: stat.mtimeMs, size: stat.size, source: readFileSync(this.file, 'utf8') };
    }
    return this.cached.source;
  }
}
