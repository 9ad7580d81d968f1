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
import { scheduleHandlers } from '../../rpc/schedule-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { IDEMPOTENT, recordIdParams } from './common.js';

/** Campaigns: adapters onto the `campaigns.*` operations (access declared there). */
export function campaignRoutes(services: Services) {
  const route = operationRoutes(scheduleHandlers(services));
  return [
    route('campaigns.preview', {
      method: 'post',
      path: '/campaigns/preview',
      tag: 'campaigns',
      summary: 'Dry run: the first messages exactly as they would be sent',
      description:
        'Renders the template for the first recipients (the same spintax choice each recipient will get) and ' +
        'counts invalid, duplicate and opted-out entries. Sends nothing.',
      largeBody: true,
      body: campaignPreviewInput,
      response: { status: 200, description: 'The preview', schema: campaignPreviewSchema },
    }),
    route('campaigns.csvPreview', {
      method: 'post',
      path: '/campaigns/csv-preview',
      tag: 'campaigns',
      summary: 'Read a CSV file: its columns, first rows and the guessed phone and name columns',
      largeBody: true,
      body: csvPreviewInput,
      response: { status: 200, description: 'The column mapping preview', schema: csvPreviewSchema },
    }),
    route('campaigns.create', {
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
      body: createCampaignInput,
      idempotent: true,
      response: { status: 201, description: 'The campaign', schema: campaignSchema },
    }),
    route('campaigns.list', {
      method: 'get',
      path: '/campaigns',
      tag: 'campaigns',
      summary: 'List campaigns, newest first',
      query: campaignListQuery,
      response: { status: 200, description: 'Campaigns with their progress', schema: campaignListSchema },
    }),
    route('campaigns.get', {
      method: 'get',
      path: '/campaigns/:id',
      tag: 'campaigns',
      summary: 'Get a campaign with its counts and ETA',
      params: recordIdParams,
      response: { status: 200, description: 'The campaign', schema: campaignSchema },
    }),
    route('campaigns.recipients', {
      method: 'get',
      path: '/campaigns/:id/recipients',
      tag: 'campaigns',
      summary: "A campaign's recipients and their status",
      params: recordIdParams,
      query: recipientListQuery,
      response: {
        status: 200,
        description: 'One page of recipients, in list order',
        schema: recipientListSchema,
      },
    }),
  ];
}
