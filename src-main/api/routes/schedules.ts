import { z } from 'zod';
import {
  addOptOutInput,
  campaignListQuery,
  campaignListSchema,
  campaignPreviewInput,
  campaignPreviewSchema,
  campaignSchema,
  createCampaignInput,
  createScheduleInput,
  csvPreviewInput,
  csvPreviewSchema,
  optOutListSchema,
  optOutSchema,
  recipientListQuery,
  recipientListSchema,
  scheduleListQuery,
  scheduleListSchema,
  scheduleSchema,
  scheduleSettingsSchema,
  updateScheduleInput,
} from '../../../src-shared/contract/schedule.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import type { KeyPrincipal } from '../../services/access/api-keys.js';
import type { Services } from '../../services/index.js';
import { checkSession, ownSessionOf } from '../../services/access/authorizer.js';
import { defineRoute } from '../route.js';

const idParams = z.object({ id: z.string().min(1) });
const optOutParams = z.object({
  session: sessionIdSchema,
  jid: z.string().min(1).describe('JID or phone number'),
});

/** A session key sees and changes only its own session's schedules and campaigns. */
function ownSession(principal: KeyPrincipal, requested?: string): string | undefined {
  return ownSessionOf(principal) ?? requested;
}

const SCHEDULING =
  '`sendAt` must carry an offset (`Z` or `+02:00`). A schedule due while Chatdock was closed or the session ' +
  'offline is sent as soon as it can be, unless it is overdue by more than the miss limit (`/schedules/settings`): ' +
  'then it is marked `missed`. Each send is claimed before it is made, so nothing is sent twice, also across restarts.';

const IDEMPOTENT =
  'Send `Idempotency-Key` to make retries safe: a retry with the same key (within 24 hours) gets the first ' +
  'answer and creates nothing.';

export function scheduleRoutes({ scheduling }: Services) {
  const { schedules, campaigns, optOuts } = scheduling;
  const tag = 'schedules';
  return [
    defineRoute({
      method: 'get',
      path: '/schedules/settings',
      tag,
      summary: 'Scheduling settings (the miss limit)',
      access: { scope: 'messages:read' },
      response: { status: 200, description: 'The settings', schema: scheduleSettingsSchema },
      handler: () => {
        return schedules.getSettings();
      },
    }),
    defineRoute({
      method: 'put',
      path: '/schedules/settings',
      tag,
      summary: 'Change the scheduling settings',
      access: { scope: 'admin' },
      body: scheduleSettingsSchema,
      response: { status: 200, description: 'The settings', schema: scheduleSettingsSchema },
      handler: ({ body }) => {
        return schedules.updateSettings(body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/schedules',
      tag,
      summary: 'Schedule a message',
      description: `Any message the send endpoint accepts, once or repeating (daily, weekly, monthly or cron, in \`timeZone\`). ${SCHEDULING} ${IDEMPOTENT}`,
      largeBody: true,
      access: { scope: 'messages:send', session: ({ body }) => body.session },
      body: createScheduleInput,
      idempotent: true,
      response: { status: 201, description: 'The schedule', schema: scheduleSchema },
      handler: ({ body, idempotencyKey }) => {
        return schedules.create(body, idempotencyKey);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/schedules',
      tag,
      summary: 'List schedules',
      description:
        'Soonest first. Filter by `status` and `session`; page with `cursor` = the previous `next`.',
      access: { scope: 'messages:read' },
      query: scheduleListQuery,
      response: { status: 200, description: 'One page of schedules', schema: scheduleListSchema },
      handler: ({ query, principal }) => {
        return schedules.list({ ...query, session: ownSession(principal, query.session) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/schedules/:id',
      tag,
      summary: 'Get a schedule',
      access: { scope: 'messages:read' },
      params: idParams,
      response: { status: 200, description: 'The schedule', schema: scheduleSchema },
      handler: ({ params, principal }) => {
        const schedule = schedules.get(params.id);
        checkSession(principal, schedule.session);
        return schedule;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/schedules/:id',
      tag,
      summary: 'Edit a pending schedule',
      description: 'Only the fields given change. Sent, failed, missed and cancelled schedules answer 409.',
      largeBody: true,
      access: { scope: 'messages:send' },
      params: idParams,
      body: updateScheduleInput,
      response: { status: 200, description: 'The schedule', schema: scheduleSchema },
      handler: ({ params, body, principal }) => {
        checkSession(principal, schedules.get(params.id).session);
        return schedules.update(params.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/schedules/:id',
      tag,
      summary: 'Cancel a pending schedule',
      description: 'The schedule stays listed with status `cancelled`.',
      access: { scope: 'messages:send' },
      params: idParams,
      response: { status: 200, description: 'The cancelled schedule', schema: scheduleSchema },
      handler: ({ params, principal }) => {
        checkSession(principal, schedules.get(params.id).session);
        return schedules.cancel(params.id);
      },
    }),

    defineRoute({
      method: 'post',
      path: '/campaigns/preview',
      tag: 'campaigns',
      summary: 'Dry run: the first messages exactly as they would be sent',
      description:
        'Renders the template for the first recipients (the same spintax choice each recipient will get) and ' +
        'counts invalid, duplicate and opted-out entries. Sends nothing.',
      largeBody: true,
      access: { scope: 'messages:send', session: ({ body }) => body.session },
      body: campaignPreviewInput,
      response: { status: 200, description: 'The preview', schema: campaignPreviewSchema },
      handler: ({ body }) => {
        return campaigns.preview(body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/campaigns/csv-preview',
      tag: 'campaigns',
      summary: 'Read a CSV file: its columns, first rows and the guessed phone and name columns',
      largeBody: true,
      access: { scope: 'messages:send' },
      body: csvPreviewInput,
      response: { status: 200, description: 'The column mapping preview', schema: csvPreviewSchema },
      handler: ({ body }) => {
        return campaigns.csvPreview(body.csv);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/campaigns',
      tag: 'campaigns',
      summary: 'Create (and start) a campaign',
      description:
        'Recipients come from a pasted list, a CSV text with a phone column, or a tag. Numbers are validated and, ' +
        'when the session is connected, checked on WhatsApp first: invalid ones and numbers without WhatsApp are ' +
        'reported per recipient and never sent. Opted-out numbers are skipped (also when they opt out later). ' +
        'Between sends it waits a random delay in [delayMinMs, delayMaxMs]; it keeps to the working hours and the ' +
        `number's daily cap. ${IDEMPOTENT}`,
      largeBody: true,
      access: { scope: 'messages:send', session: ({ body }) => body.session },
      body: createCampaignInput,
      idempotent: true,
      response: { status: 201, description: 'The campaign', schema: campaignSchema },
      handler: ({ body, idempotencyKey }) => {
        return campaigns.create(body, idempotencyKey);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/campaigns',
      tag: 'campaigns',
      summary: 'List campaigns, newest first',
      access: { scope: 'messages:read' },
      query: campaignListQuery,
      response: { status: 200, description: 'Campaigns with their progress', schema: campaignListSchema },
      handler: ({ query, principal }) => {
        return {
          items: campaigns.list({ ...query, session: ownSession(principal, query.session) }),
          next: null,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/campaigns/:id',
      tag: 'campaigns',
      summary: 'Get a campaign with its counts and ETA',
      access: { scope: 'messages:read' },
      params: idParams,
      response: { status: 200, description: 'The campaign', schema: campaignSchema },
      handler: ({ params, principal }) => {
        const campaign = campaigns.get(params.id);
        checkSession(principal, campaign.session);
        return campaign;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/campaigns/:id/recipients',
      tag: 'campaigns',
      summary: "A campaign's recipients and their status",
      access: { scope: 'messages:read' },
      params: idParams,
      query: recipientListQuery,
      response: {
        status: 200,
        description: 'One page of recipients, in list order',
        schema: recipientListSchema,
      },
      handler: ({ params, query, principal }) => {
        checkSession(principal, campaigns.get(params.id).session);
        return campaigns.recipients(params.id, query);
      },
    }),
    ...(['pause', 'resume', 'cancel'] as const).map((action) =>
      defineRoute({
        method: 'post',
        path: `/campaigns/:id/${action}`,
        tag: 'campaigns',
        summary: `${action[0]!.toUpperCase()}${action.slice(1)} a campaign`,
        description:
          action === 'cancel'
            ? 'Recipients not yet sent to are marked `skipped`.'
            : action === 'resume'
              ? 'Also starts a draft.'
              : 'A send in progress finishes first.',
        access: { scope: 'messages:send' },
        params: idParams,
        response: { status: 200, description: 'The campaign', schema: campaignSchema },
        handler: ({ params, principal }) => {
          checkSession(principal, campaigns.get(params.id).session);
          return campaigns[action](params.id);
        },
      }),
    ),

    defineRoute({
      method: 'get',
      path: '/opt-outs',
      tag: 'campaigns',
      summary: 'Numbers that never get campaign messages',
      description: 'Added when someone replies STOP (or unsubscribe, stop all…), or by hand.',
      access: { scope: 'messages:read' },
      query: z.object({ session: sessionIdSchema.optional() }),
      response: { status: 200, description: 'Newest first', schema: optOutListSchema },
      handler: ({ query, principal }) => {
        return { items: optOuts.list(ownSession(principal, query.session)), next: null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/opt-outs',
      tag: 'campaigns',
      summary: 'Add a number to the opt-out list',
      access: { scope: 'messages:send', session: ({ body }) => body.session },
      body: addOptOutInput,
      response: { status: 201, description: 'The entry', schema: optOutSchema },
      handler: ({ body }) => {
        return optOuts.add(body.session, body.phone);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/opt-outs/:session/:jid',
      tag: 'campaigns',
      summary: 'Remove a number from the opt-out list',
      access: { scope: 'messages:send', session: ({ params }) => params.session },
      params: optOutParams,
      response: { status: 204, description: 'Removed (or was not listed)' },
      handler: ({ params }) => {
        optOuts.remove(params.session, params.jid);
      },
    }),
  ];
}
