import { z } from 'zod';
import type { WidgetSnippets } from '../widget-snippets.js';
import { widgetSchema, widgetSettingsSchema, type Widget } from '../widget.js';
import { MANAGE_WIDGETS } from '../access.js';
import { op } from './operation.js';

/** A stored widget as the owner sees it: its settings, id and timestamps (UTC ISO-8601). */
export interface WidgetRecord extends Widget {
  createdAt: string;
  updatedAt: string;
}

export interface WidgetList {
  items: WidgetRecord[];
  /** Always null: every widget fits on one page. Kept so lists look alike across the API. */
  next: null;
}

const byId = z.strictObject({ id: z.string().min(1, 'is required') });

export const widgetOperations = {
  'widgets.list': op<WidgetList>()(z.strictObject({}), MANAGE_WIDGETS),
  'widgets.get': op<WidgetRecord>()(byId, MANAGE_WIDGETS),
  'widgets.create': op<WidgetRecord>()(widgetSettingsSchema, MANAGE_WIDGETS),
  /** Replaces the whole document (PUT semantics): the id plus every setting. */
  'widgets.update': op<WidgetRecord>()(widgetSchema, MANAGE_WIDGETS),
  'widgets.delete': op<{ deleted: true }>()(byId, { ...MANAGE_WIDGETS, limits: ['delete'] }),
  /** Both copy-paste snippets; the hosted one points at this app's own address. */
  'widgets.snippets': op<WidgetSnippets>()(byId, MANAGE_WIDGETS),
};
