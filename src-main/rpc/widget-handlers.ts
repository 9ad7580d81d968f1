import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RuntimeInfo } from './app-handlers.js';
import type { RpcContext } from './context.js';
import { reachableHost } from '../core/config.js';

type WidgetOps =
  | 'widgets.list'
  | 'widgets.get'
  | 'widgets.create'
  | 'widgets.update'
  | 'widgets.delete'
  | 'widgets.snippets';

/** This app's own widget.js address (all-interfaces binds → loopback). */
function widgetScriptUrl({ boundHost, port }: RuntimeInfo): string {
  const host = reachableHost(boundHost);
  const shown = host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/widget.js`;
}

/**
 * The widget operations. `runtime` is where the app listens (the desktop window and /rpc); a REST
 * call brings its own `origin`, so a snippet points where that caller reached the app.
 */
export function widgetHandlers(
  services: Services,
  runtime?: () => RuntimeInfo,
): Pick<Handlers<RpcContext>, WidgetOps> {
  const { widgets } = services;
  const scriptUrl = ({ origin }: RpcContext): string => {
    if (origin) return `${origin}/widget.js`;
    if (!runtime) throw new Error('widgets.snippets needs the caller origin or the runtime');
    return widgetScriptUrl(runtime());
  };
  return {
    'widgets.list': () => widgets.list(),
    'widgets.get': ({ id }) => widgets.get(id),
    'widgets.create': (input) => widgets.create(input),
    'widgets.update': ({ id, ...settings }) => widgets.replace(id, settings),
    'widgets.delete': ({ id }) => {
      widgets.delete(id);
      return { deleted: true };
    },
    'widgets.snippets': ({ id }, ctx) => widgets.snippets(id, scriptUrl(ctx)),
  };
}
