import type { Handlers } from '../../src-shared/contract.js';
import type { AppInfo } from '../../src-shared/model.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';
import { reachableHost } from '../core/config.js';

type AppOps =
  | 'app.info'
  | 'app.health'
  | 'settings.get'
  | 'settings.update'
  | 'adminKey.status'
  | 'adminKey.rotate'
  | 'adminKey.acknowledge';

/** Where the API is listening, known once the HTTP server is up. */
export interface RuntimeInfo {
  boundHost: string;
  port: number;
  dataDir: string;
}

export function appHandlers(
  services: Services,
  runtime: () => RuntimeInfo,
): Pick<Handlers<RpcContext>, AppOps> {
  return {
    'app.info': (_input, ctx): AppInfo => {
      const { boundHost, port, dataDir } = runtime();
      const linkHost = reachableHost(boundHost);
      return {
        name: 'Chatdock',
        version: services.health.get().version,
        apiBaseUrl: `http://${linkHost}:${port}/api/v1`,
        boundHost,
        dataDir,
        transport: ctx.transport,
      };
    },
    'app.health': () => services.health.get(),
    'settings.get': () => services.settings.get(),
    'settings.update': (input, ctx) => services.settings.update(input, services.actors.of(ctx.principal)),
    'adminKey.status': () => services.apiKeys.adminStatus(),
    'adminKey.rotate': () => services.apiKeys.rotateAdmin(),
    'adminKey.acknowledge': () => services.apiKeys.acknowledgeAdminReveal(),
  };
}
