import type { Services } from '../../services/index.js';
import { MANAGE_WIDGETS } from '../../../src-shared/access.js';
import { defineRoute } from '../route.js';
import { selfOrigin } from '../widget-files.js';
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

export function widgetRoutes(services: Services) {
  const { widgets } = services;
  return [
    defineRoute({
      method: 'get',
      path: '/widgets',
      tag: 'widgets',
      summary: 'List website widgets',
      access: MANAGE_WIDGETS,
      response: { status: 200, description: 'Every widget, oldest first', schema: widgetListSchema },
      handler: () => widgets.list(),
    }),
    defineRoute({
      method: 'post',
      path: '/widgets',
      tag: 'widgets',
      summary: 'Create a website widget',
      description: VALIDATION_NOTE,
      access: MANAGE_WIDGETS,
      body: widgetSettingsBody,
      response: { status: 201, description: 'The stored widget with its new id', schema: widgetRecordSchema },
      handler: ({ body }) => widgets.create(body),
    }),
    defineRoute({
      method: 'get',
      path: '/widgets/:id',
      tag: 'widgets',
      summary: 'Get a website widget',
      access: MANAGE_WIDGETS,
      params: widgetIdParams,
      response: { status: 200, description: 'The widget', schema: widgetRecordSchema },
      handler: ({ params }) => widgets.get(params.id),
    }),
    defineRoute({
      method: 'put',
      path: '/widgets/:id',
      tag: 'widgets',
      summary: 'Replace a website widget',
      description: `The body replaces the whole document; omitted optional fields get their defaults. ${VALIDATION_NOTE}`,
      access: MANAGE_WIDGETS,
      params: widgetIdParams,
      body: widgetSettingsBody,
      response: { status: 200, description: 'The stored widget', schema: widgetRecordSchema },
      handler: ({ params, body }) => widgets.replace(params.id, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/widgets/:id',
      tag: 'widgets',
      summary: 'Delete a website widget',
      description:
        'Websites embedding it stop showing the hosted widget; self-contained copies keep working.',
      access: MANAGE_WIDGETS,
      params: widgetIdParams,
      response: { status: 204, description: 'Deleted' },
      handler: ({ params }) => {
        widgets.delete(params.id);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/widgets/:id/snippets',
      tag: 'widgets',
      summary: 'Copy-paste snippets for a website',
      description:
        '`hosted` loads widget.js and the configuration from this Chatdock (CHATDOCK_PUBLIC_URL when set, ' +
        'else the address this request was sent to), so it shows edits at once but only while this PC ' +
        'is reachable. `selfContained` ' +
        'inlines both and works while the PC is off; copy it again after edits.',
      access: MANAGE_WIDGETS,
      params: widgetIdParams,
      response: { status: 200, description: 'Both snippets', schema: widgetSnippetsSchema },
      handler: ({ params, ctx }) => widgets.snippets(params.id, `${selfOrigin(ctx)}/widget.js`),
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
