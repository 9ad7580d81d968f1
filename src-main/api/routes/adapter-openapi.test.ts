import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import type { Services } from '../../services/index.js';
import { buildOpenApi } from '../openapi.js';
import type { RouteDef } from '../route.js';
import { automationRoutes } from './automation.js';
import { backupRoutes } from './backups.js';
import { callRoutes } from './calls.js';
import { campaignRoutes } from './campaigns.js';
import { chatTagRoutes } from './chat-tags.js';
import { chatRoutes } from './chats.js';
import { contactRoutes } from './contacts.js';
import { exportRoutes } from './exports.js';
import { groupRoutes } from './groups.js';
import { housekeepingRoutes } from './housekeeping.js';
import { logRoutes } from './logs.js';
import { messageTagRoutes } from './message-tags.js';
import { messageRoutes } from './messages.js';
import { noteRoutes } from './notes.js';
import { numberProfileRoutes } from './number-profile.js';
import { optOutRoutes } from './opt-outs.js';
import { privacyRoutes } from './privacy.js';
import { savedReplyRoutes } from './saved-replies.js';
import { scheduleRoutes } from './schedules.js';
import { sessionRoutes } from './sessions.js';
import { tagRoutes } from './tags.js';
import { webhookDeliveryRoutes } from './webhook-deliveries.js';
import { webhookRoutes } from './webhooks.js';
import { widgetRoutes } from './widgets.js';

/**
 * The REST routes that became adapters onto contract operations (api/operation-route.ts) must
 * keep their OpenAPI document exactly: paths, parameters, bodies, answers, access. Each file's
 * document is pinned in `__openapi__/<file>.json.snap`, written from the hand-written routes before
 * they were converted; a difference fails here (update the pin only for a description you mean
 * to improve: `npx vitest run -u src-main/api/routes/adapter-openapi.test.ts`).
 */
const FILES: Record<string, (services: Services) => RouteDef[]> = {
  notes: noteRoutes,
  tags: tagRoutes,
  'chat-tags': chatTagRoutes,
  'message-tags': messageTagRoutes,
  'saved-replies': savedReplyRoutes,
  'opt-outs': optOutRoutes,
  widgets: widgetRoutes,
  webhooks: webhookRoutes,
  'webhook-deliveries': webhookDeliveryRoutes,
  schedules: scheduleRoutes,
  campaigns: campaignRoutes,
  automation: automationRoutes,
  housekeeping: housekeepingRoutes,
  backups: backupRoutes,
  logs: logRoutes,
  exports: exportRoutes,
  contacts: contactRoutes,
  privacy: privacyRoutes,
  'number-profile': numberProfileRoutes,
  groups: groupRoutes,
  sessions: sessionRoutes,
  calls: callRoutes,
  chats: chatRoutes,
  messages: messageRoutes,
};

describe('OpenAPI of the routes that are adapters', () => {
  let app: TestCore;

  beforeAll(async () => {
    app = await startTestCore();
  });

  afterAll(async () => {
    await app?.stop();
  });

  for (const [file, routes] of Object.entries(FILES)) {
    it(`${file}.ts documents the same API`, async () => {
      const document = buildOpenApi(routes(app.core.services), 'pinned');
      await expect(JSON.stringify(document, null, 2) + '\n').toMatchFileSnapshot(
        `__openapi__/${file}.json.snap`,
      );
    });
  }
});
