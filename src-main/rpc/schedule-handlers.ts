import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import { checkSession, ownSessionOf } from '../services/access/authorizer.js';
import type { RpcContext } from './context.js';

type ScheduleOps = Extract<
  keyof Handlers<RpcContext>,
  `schedules.${string}` | `campaigns.${string}` | `optOuts.${string}`
>;

/** The Schedule page's calls: scheduled messages, campaigns and the opt-out list. */
export function scheduleHandlers({ scheduling, actors }: Services): Pick<Handlers<RpcContext>, ScheduleOps> {
  const { schedules, campaigns, optOuts } = scheduling;
  // Who may call each operation is declared in the contract and checked by the dispatcher; a
  // schedule's or campaign's session is known only after looking it up, so that is checked here.
  const own = (ctx: RpcContext, session: string) => checkSession(ctx.principal, session);
  const sessionFilter = (ctx: RpcContext, session?: string) => ownSessionOf(ctx.principal) ?? session;
  return {
    'schedules.list': (input, ctx) =>
      schedules.list({ ...input, session: sessionFilter(ctx, input.session) }),
    'schedules.get': ({ id }, ctx) => {
      const schedule = schedules.get(id);
      own(ctx, schedule.session);
      return schedule;
    },
    'schedules.create': ({ idempotencyKey, ...input }, ctx) => {
      own(ctx, input.session);
      return schedules.create(input, idempotencyKey ?? ctx.idempotencyKey);
    },
    'schedules.update': ({ id, ...patch }, ctx) => {
      own(ctx, schedules.get(id).session);
      return schedules.update(id, patch);
    },
    'schedules.cancel': ({ id }, ctx) => {
      own(ctx, schedules.get(id).session);
      return schedules.cancel(id);
    },
    'schedules.settings': () => schedules.getSettings(),
    'schedules.updateSettings': (input) => schedules.updateSettings(input),
    'campaigns.list': (input, ctx) => ({
      items: campaigns.list({ ...input, session: sessionFilter(ctx, input.session) }),
      next: null,
    }),
    'campaigns.get': ({ id }, ctx) => {
      const campaign = campaigns.get(id);
      own(ctx, campaign.session);
      return campaign;
    },
    'campaigns.create': (input, ctx) => {
      own(ctx, input.session);
      return campaigns.create(input, ctx.idempotencyKey, actors.of(ctx.principal));
    },
    'campaigns.pause': ({ id }, ctx) => {
      own(ctx, campaigns.get(id).session);
      return campaigns.pause(id, actors.of(ctx.principal));
    },
    'campaigns.resume': ({ id }, ctx) => {
      own(ctx, campaigns.get(id).session);
      return campaigns.resume(id, actors.of(ctx.principal));
    },
    'campaigns.cancel': ({ id }, ctx) => {
      own(ctx, campaigns.get(id).session);
      return campaigns.cancel(id, actors.of(ctx.principal));
    },
    'campaigns.recipients': ({ id, ...query }, ctx) => {
      own(ctx, campaigns.get(id).session);
      return campaigns.recipients(id, query);
    },
    'campaigns.preview': (input, ctx) => {
      if (input.session) own(ctx, input.session);
      return campaigns.preview(input);
    },
    'campaigns.csvPreview': ({ csv }) => campaigns.csvPreview(csv),
    'optOuts.list': ({ session }, ctx) => ({ items: optOuts.list(sessionFilter(ctx, session)), next: null }),
    'optOuts.add': ({ session, phone }, ctx) => {
      own(ctx, session);
      return optOuts.add(session, phone);
    },
    'optOuts.remove': ({ session, jid }, ctx) => {
      own(ctx, session);
      return { removed: optOuts.remove(session, jid) };
    },
  };
}
