import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { WidgetList, WidgetRecord } from '../../../src-shared/contract/widgets.js';
import { AppError } from '../../../src-shared/errors.js';
import { parseInput } from '../../../src-shared/validation.js';
import { buildSnippets, type WidgetSnippets } from '../../../src-shared/widget-snippets.js';
import { toPublicWidget, widgetSettingsSchema, type PublicWidget } from '../../../src-shared/widget.js';
import type { Db } from '../../db/connection.js';
import { widgets, type WidgetRow } from '../../db/schema.js';
import { WidgetScript } from './widget-script.js';

/** `w_` + 16 hex digits: safe in URLs, HTML attributes and file names. */
function newWidgetId(): string {
  return 'w_' + randomBytes(8).toString('hex');
}

function toRecord(row: WidgetRow): WidgetRecord {
  return { id: row.id, ...row.settings, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/**
 * Click-to-chat widgets. Every write validates the whole settings document first, so a rejected
 * request leaves the database exactly as it was.
 */
export class WidgetService {
  constructor(
    private readonly db: Db,
    private readonly script: WidgetScript = new WidgetScript(),
    /** Where websites reach this app, if configured; wins over the address a caller used. */
    private readonly publicUrl: string | null = null,
  ) {}

  list(): WidgetList {
    const rows = this.db.select().from(widgets).orderBy(asc(widgets.createdAt), asc(widgets.id)).all();
    return { items: rows.map(toRecord), next: null };
  }

  get(id: string): WidgetRecord {
    const row = this.db.select().from(widgets).where(eq(widgets.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', `widget "${id}" does not exist`);
    return toRecord(row);
  }

  create(input: unknown): WidgetRecord {
    const settings = parseInput(widgetSettingsSchema, input);
    const id = newWidgetId();
    this.db.insert(widgets).values({ id, settings }).run();
    return this.get(id);
  }

  /** PUT semantics: the new document replaces the old one whole; omitted fields get their defaults. */
  replace(id: string, input: unknown): WidgetRecord {
    const settings = parseInput(widgetSettingsSchema, input);
    const result = this.db
      .update(widgets)
      .set({ settings, updatedAt: new Date().toISOString() })
      .where(eq(widgets.id, id))
      .run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', `widget "${id}" does not exist`);
    return this.get(id);
  }

  delete(id: string): void {
    const result = this.db.delete(widgets).where(eq(widgets.id, id)).run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', `widget "${id}" does not exist`);
  }

  /** What websites may see. An inactive widget is answered like a missing one. */
  publicWidget(id: string): PublicWidget {
    const row = this.db.select().from(widgets).where(eq(widgets.id, id)).get();
    if (!row || !row.settings.active) throw new AppError('NOT_FOUND', `widget "${id}" does not exist`);
    return toPublicWidget({ id: row.id, ...row.settings });
  }

  /** The built embeddable script, or an error telling the owner to build it. */
  scriptSource(): string {
    const source = this.script.source();
    if (source === null) {
      throw new AppError('INTERNAL', 'the widget script is not built; run "npm run build"');
    }
    return source;
  }

  /**
   * Both snippets for a widget. The hosted one loads widget.js from the configured public URL,
   * else from `localScriptUrl` (this app's address as the caller reached it).
   */
  snippets(id: string, localScriptUrl: string): WidgetSnippets {
    const { createdAt: _created, updatedAt: _updated, ...widget } = this.get(id);
    return buildSnippets({
      publicWidget: toPublicWidget(widget),
      scriptUrl: this.publicUrl ? `${this.publicUrl}/widget.js` : localScriptUrl,
      scriptSource: this.scriptSource(),
    });
  }
}
