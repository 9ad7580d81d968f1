import { z } from 'zod';
import {
  automationChatStateSchema,
  automationSettingsSchema,
  automationTestInputSchema,
  automationTestResultSchema,
  automationViewSchema,
} from '../../../src-shared/contract/automation.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';

const sessionParams = z.object({ id: sessionIdSchema });
const chatParams = z.object({ id: sessionIdSchema, chat: z.string().min(1).max(200) });

export function automationRoutes({ automation }: Services) {
  const tag = 'automation';
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/automation',
      tag,
      summary: 'Automation of a number: its settings, warnings and whether it is open now',
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: sessionParams,
      response: { status: 200, description: 'Automation', schema: automationViewSchema },
      handler: ({ params }) => automation.view(params.id),
    }),
    defineRoute({
      method: 'put',
      path: '/sessions/:id/automation',
      tag,
      summary: 'Replace the automation settings (validated whole; 400 names the first bad field)',
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: sessionParams,
      body: automationSettingsSchema,
      response: { status: 200, description: 'Automation', schema: automationViewSchema },
      handler: ({ params, body }) => automation.update(params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/automation/test',
      tag,
      summary: 'Which rule fires for a pretend customer message, and what it sends (nothing is sent)',
      access: { scope: 'sessions:manage', session: ({ params }) => params.id },
      params: sessionParams,
      body: automationTestInputSchema,
      response: { status: 200, description: 'What would be sent', schema: automationTestResultSchema },
      handler: ({ params, body }) => automation.test(params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/sessions/:id/automation/chats/:chat',
      tag,
      summary: "A chat's automation state: paused (until when, why), stopped, place in the menu",
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: chatParams,
      response: { status: 200, description: 'Chat state', schema: automationChatStateSchema },
      handler: ({ params }) => automation.chatState(params.id, params.chat),
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/automation/chats/:chat/resume',
      tag,
      summary: 'Let automation answer this chat again (lifts a staff pause, a handover or a stop rule)',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: chatParams,
      response: { status: 200, description: 'Chat state', schema: automationChatStateSchema },
      handler: ({ params }) => automation.resume(params.id, params.chat),
    }),
  ];
}
