import {
  campaignListQuery,
  campaignListSchema,
  campaignPreviewInput,
  campaignPreviewSchema,
  campaignSchema,
  createCampaignInput,
  csvPreviewInput,
  csvPreviewSchema,
  recipientListQuery,
  recipientListSchema,
} from '../../../src-shared/contract/schedule.js';
import type { Services } from '../../services/index.js';
import { checkSession } from '../../services/access/authorizer.js';
import { defineRoute } from '../route.js';
import { IDEMPOTENT, ownSessionOr, recordIdParams } from './common.js';

export function campaignRoutes({ scheduling, actors }: Services) {
  const { campaigns } = scheduling;
  return [
    defineRoute({
      method: 'post',
      path: '/campaigns/preview',
      tag: 'campaigns',
      summary: 'Dry run: the first messages exactly as they would be sent',
      description:
        'Renders the template for the first recipients (the same spintax choice each recipient will get) and ' +
        'counts invalid, duplicate and opted-out entries. Sends nothing.',
      largeBody: true,
      access: { scope: 'messages:send', session: ({ body }) => body.session, people: 'admin' },
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
      access: { scope: 'messages:send', people: 'admin' },
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
      access: { scope: 'messages:send', session: ({ body }) => body.session, people: 'admin' },
      body: createCampaignInput,
      idempotent: true,
      response: { status: 201, description: 'The campaign', schema: campaignSchema },
      handler: ({ body, idempotencyKey, principal }) => {
        return campaigns.create(body, idempotencyKey, actors.of(principal));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/campaigns',
      tag: 'campaigns',
      summary: 'List campaigns, newest first',
      access: { scope: 'messages:read', people: 'admin' },
      query: campaignListQuery,
      response: { status: 200, description: 'Campaigns with their progress', schema: campaignListSchema },
      handler: ({ query, principal }) => {
        return {
          items: campaigns.list({ ...query, session: ownSessionOr(principal, query.session) }),
          next: null,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/campaigns/:id',
      tag: 'campaigns',
      summary: 'Get a campaign with its counts and ETA',
      access: { scope: 'messages:read', people: 'admin' },
      params: recordIdParams,
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
      access: { scope: 'messages:read', people: 'admin' },
      params: recordIdParams,
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
  ];
}
