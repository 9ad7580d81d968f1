import { widgetHandlers } from '../../rpc/widget-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { defineRoute } from '../route.js';
import {
  publicWidgetSchema,
  widgetIdParams,
  widgetListSchema,
  widgetRecordSchema,
  widgetSettingsBody,
  widgetSnippetsSchema,
} from './widget-schemas.js';

const VALIDATION_NOTE =
  'A bad value is answered 400 with `error.field` naming it (e.g. `operators.0.hours.MO.0.availableFrom`) ' +
  'and nothing is saved.';

/**
 * Website widgets: adapters onto the `widgets.*` operations (`widgets:manage`, declared there).
 * The public configuration the widget script reads stays hand-written: it needs no key (no
 * operation is public) and sets its own caching header.
 */
export function widgetRoutes(services: Services) {
  const { widgets } = services;
  const route = operationRoutes(widgetHandlers(services));
  return [
    route('widgets.list', {
      method: 'get',
      path: '/widgets',
      tag: 'widgets',
      summary: 'List website widgets',
      response: { status: 200, description: 'Every widget, oldest first', schema: widgetListSchema },
    }),
    route('widgets.create', {
      method: 'post',
      path: '/widgets',
      tag: 'widgets',
      summary: 'Create a website widget',
      description: VALIDATION_NOTE,
      body: widgetSettingsBody,
      response: { status: 201, description: 'The stored widget with its new id', schema: widgetRecordSchema },
    }),
    route('widgets.get', {
      method: 'get',
      path: '/widgets/:id',
      tag: 'widgets',
      summary: 'Get a website widget',
      params: widgetIdParams,
      response: { status: 200, description: 'The widget', schema: widgetRecordSchema },
    }),
    route('widgets.update', {
      method: 'put',
      path: '/widgets/:id',
      tag: 'widgets',
      summary: 'Replace a website widget',
      description: `The body replaces the whole document; omitted optional fields get their defaults. ${VALIDATION_NOTE}`,
      params: widgetIdParams,
      body: widgetSettingsBody,
      response: { status: 200, description: 'The stored widget', schema: widgetRecordSchema },
    }),
    route('widgets.delete', {
      method: 'delete',
      path: '/widgets/:id',
      tag: 'widgets',
      summary: 'Delete a website widget',
      description:
        'Websites embedding it stop showing the hosted widget; self-contained copies keep working.',
      params: widgetIdParams,
      response: { status: 204, description: 'Deleted' },
      answer: () => undefined,
    }),
    route('widgets.snippets', {
      method: 'get',
      path: '/widgets/:id/snippets',
      tag: 'widgets',
      summary: 'Copy-paste snippets for a website',
      description:
        '`hosted` loads widget.js and the configuration from this Chatdock (CHATDOCK_PUBLIC_URL when set, ' +
        'else the address this request was sent to), so it shows edits at once but only while this PC ' +
        'is reachable. `selfContained` ' +
        'inlines both and works while the PC is off; copy it again after edits.',
      params: widgetIdParams,
      response: { status: 200, description: 'Both snippets', schema: widgetSnippetsSchema },
    }),
    defineRoute({
      method: 'get',
      path: '/public/widgets/:id',
      tag: 'widgets',
      summary: 'Public widget configuration (for the widget script)',
      description:
        'Needs no key and may be called from any website (CORS `*`). Only what the widget needs; ' +
        '404 for unknown and inactive widgets.',
      access: 'public',
      params: widgetIdParams,
      response: {
        status: 200,
        description: 'The public view of an active widget',
        schema: publicWidgetSchema,
      },
      handler: ({ params, ctx }) => {
        const view = widgets.publicWidget(params.id);
        // Edits must show up on websites at once: revalidate every time.
        ctx.set('Cache-Control', 'no-cache');
        return view;
      },
    }),
  ];
}
