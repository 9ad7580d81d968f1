import { z } from 'zod';
import { EVENT_TYPES } from '../../../src-shared/contract/events.js';
import { READ_MESSAGES } from '../../../src-shared/access.js';
import { defineRoute } from '../route.js';

const upgradeRequired = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).meta({
  id: 'UpgradeRequired',
  example: {
    error: {
      code: 'VALIDATION_FAILED',
      message: 'connect with a WebSocket (see GET /api/v1/openapi.json)',
    },
  },
});

/**
 * `GET /api/v1/events` is a WebSocket (api/event-socket.ts). This route documents the protocol
 * in the OpenAPI document and answers plain HTTP requests with 426.
 */
export function eventRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/events',
      tag: 'events',
      summary: 'The live event stream (WebSocket)',
      description:
        'Open a WebSocket to `ws://<host>/api/v1/events` and send one JSON message first: ' +
        '`{"token": "<key>", "types": ["message.received"], "sessions": ["shop"], "after": "evt_…"}` ' +
        '(`types`, `sessions` and `after` are optional). The server answers `{"type": "ready", "cursor": "evt_…"}`, then sends ' +
        'every stored event after `after` (resume without gaps or duplicates), then live events, each as the ' +
        'envelope `{id, type, session, timestamp, data}`. If events after `after` may be missing (older than ' +
        'the 7 days the log keeps, or an id it never had), `ready` carries ' +
        '`"gap": {"reason": "expired" | "unknown", "after", "retainedSince"}`: re-read what you show. ' +
        'Reconnect with `after` set to the id of the last event you received, or to `cursor` if none came: ' +
        'events published while you were away are then replayed. ' +
        'Close codes: 4400 bad first message, 4401 bad key (also sent to open streams when their key is ' +
        'revoked, rotated or removed), ' +
        `4403 not allowed (scope \`messages:read\`, or another session). Types: ${EVENT_TYPES.join(', ')}.`,
      access: READ_MESSAGES,
      response: {
        status: 426,
        description: 'A plain HTTP request: connect with a WebSocket instead',
        schema: upgradeRequired,
      },
      handler: ({ ctx }) => {
        ctx.set('Upgrade', 'websocket');
        return {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'connect with a WebSocket (see GET /api/v1/openapi.json)',
          },
        };
      },
    }),
  ];
}
