import { healthSchema } from '../../../src-shared/model.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';

export function healthRoutes(services: Services) {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      tag: 'health',
      summary: 'Version, uptime and connected sessions',
      description: 'Needs no key, so monitors can poll it.',
      access: 'public',
      response: { status: 200, description: 'The gateway is up', schema: healthSchema },
      handler: () => services.health.get(),
    }),
  ];
}
