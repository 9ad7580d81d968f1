import { z } from 'zod';
import {
  type AutomationSettings,
  type AutomationTestInput,
  automationChatStateSchema,
  automationSettingsSchema,
  automationTestInputSchema,
  automationTestResultSchema,
  automationViewSchema,
} from '../../../src-shared/contract/automation.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { automationHandlers } from '../../rpc/automation-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';

const sessionParams = z.object({ id: sessionIdSchema });
const chatParams = z.object({ id: sessionIdSchema, chat: z.string().min(1).max(200) });

type SessionRequest<B = undefined> = { params: { id: string }; body: B };
type ChatRequest = { params: { id: string; chat: string } };
const chatOf = ({ params }: ChatRequest) => ({ session: params.id, chat: params.chat });

/** A number's automation: adapters onto the `automation.*` operations (access declared there). */
export function automationRoutes(services: Services) {
  const tag = 'automation';
  const route = operationRoutes(automationHandlers(services));
  return [
    route('automation.get', {
      method: 'get',
      path: '/sessions/:id/automation',
      tag,
      summary: 'Automation of a number: its settings, warnings and whether it is open now',
      params: sessionParams,
      input: ({ params }: SessionRequest) => ({ session: params.id }),
      response: { status: 200, description: 'Automation', schema: automationViewSchema },
    }),
    route('automation.update', {
      method: 'put',
      path: '/sessions/:id/automation',
      tag,
      summary: 'Replace the automation settings (validated whole; 400 names the first bad field)',
      params: sessionParams,
      body: automationSettingsSchema,
      input: ({ params, body }: SessionRequest<AutomationSettings>) => ({
        session: params.id,
        settings: body,
      }),
      response: { status: 200, description: 'Automation', schema: automationViewSchema },
    }),
    route('automation.test', {
      method: 'post',
      path: '/sessions/:id/automation/test',
      tag,
      summary: 'Which rule fires for a pretend customer message, and what it sends (nothing is sent)',
      params: sessionParams,
      body: automationTestInputSchema,
      input: ({ params, body }: SessionRequest<AutomationTestInput>) => ({ session: params.id, input: body }),
      response: { status: 200, description: 'What would be sent', schema: automationTestResultSchema },
    }),
    route('automation.chatState', {
      method: 'get',
      path: '/sessions/:id/automation/chats/:chat',
      tag,
      summary: "A chat's automation state: paused (until when, why), stopped, place in the menu",
      params: chatParams,
      input: chatOf,
      response: { status: 200, description: 'Chat state', schema: automationChatStateSchema },
    }),
    route('automation.resume', {
      method: 'post',
      path: '/sessions/:id/automation/chats/:chat/resume',
      tag,
      summary: 'Let automation answer this chat again (lifts a staff pause, a handover or a stop rule)',
      params: chatParams,
      input: chatOf,
      response: { status: 200, description: 'Chat state', schema: automationChatStateSchema },
    }),
  ];
}
