import type { Handlers } from '../../src-shared/contract.js';
import { isAdminPerson, readableSessions } from '../services/access/authorizer.js';
import type { Principal } from '../services/access/principal.js';
import type { Services } from '../services/index.js';
import type { ReportAudience } from '../services/reports/report-service.js';
import type { RpcContext } from './context.js';

type ReportOps = Extract<keyof Handlers<RpcContext>, `reports.${string}`>;

/**
 * What a caller's reports cover: the numbers they may read (a session key its own), and for an
 * agent only the conversations assigned to them (owners, admins, keys and the desktop see all).
 */
export function reportAudience(principal: Principal): ReportAudience {
  return {
    sessions: readableSessions(principal),
    ownUserId: principal.kind === 'user' && !isAdminPerson(principal) ? principal.userId : null,
  };
}

export function reportHandlers({ reports }: Services): Pick<Handlers<RpcContext>, ReportOps> {
  const { service, campaigns } = reports;
  return {
    'reports.overview': (input, ctx) => service.overview(input, reportAudience(ctx.principal)),
    'reports.campaigns': (input, ctx) => {
      const sessions = service.sessionsFor(input.session, reportAudience(ctx.principal));
      const period = service.period(input.from, input.to, service.timeZoneOf(sessions, input.timeZone));
      return campaigns.report(period, new Set(sessions));
    },
    'reports.live': (input, ctx) => service.live(input.session, reportAudience(ctx.principal)),
  };
}
