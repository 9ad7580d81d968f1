import type { Handlers } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import { toJid } from '../../src-shared/jid.js';
import { assignedOnlySessions, ownSessionOf, readableSessions } from '../services/access/authorizer.js';
import type { Principal } from '../services/access/principal.js';
import type { Services } from '../services/index.js';
import { assignmentCandidates } from '../services/assignment/candidates.js';
import type { RpcContext } from './context.js';

type AssignmentOps = Extract<
  keyof Handlers<RpcContext>,
  `assignment.${string}` | `assignmentSettings.${string}` | `availability.${string}`
>;

/** `me` is the signed-in person; keys and the desktop have no "me" to assign to. */
function personId(
  value: string | null | undefined,
  principal: Principal,
  field: string,
): string | null | undefined {
  if (value !== 'me') return value;
  if (principal.kind !== 'user') {
    throw new AppError('VALIDATION_FAILED', `${field}: "me" needs a signed-in person, not a key`, field);
  }
  return principal.userId;
}

function signedIn(principal: Principal): string {
  if (principal.kind !== 'user') throw new AppError('FORBIDDEN', 'this is for a signed-in person');
  return principal.userId;
}

/** Status, assignee, handoff, history and settings of chats (issue #16); REST routes use the same. */
export function assignmentHandlers({
  assignment,
  actors,
  people,
  sessions,
}: Services): Pick<Handlers<RpcContext>, AssignmentOps> {
  const { service, settings, availability, counts } = assignment;
  const jid = (chat: string) => toJid(chat, 'chat');
  return {
    'assignment.get': ({ session, chat }) => service.get(session, jid(chat)),
    'assignment.candidates': ({ session, chat }) => {
      service.get(session, jid(chat));
      return assignmentCandidates(people, availability, session);
    },
    'assignment.history': ({ session, chat }) => ({ items: service.history(session, jid(chat)), next: null }),
    'assignment.assign': (input, ctx) =>
      service.assign(
        input.session,
        jid(input.chat),
        {
          user: personId(input.user, ctx.principal, 'user'),
          team: input.team,
          ifAssignee: personId(input.ifAssignee, ctx.principal, 'ifAssignee'),
          note: input.note,
        },
        actors.of(ctx.principal),
        'manual',
      ),
    'assignment.setStatus': (input, ctx) =>
      service.setStatus(
        input.session,
        jid(input.chat),
        {
          status: input.status,
          snoozeUntil: input.snoozeUntil === undefined ? undefined : Date.parse(input.snoozeUntil),
        },
        actors.of(ctx.principal),
      ),
    'assignment.handoff': (input, ctx) =>
      service.handoff(
        input.session,
        jid(input.chat),
        input.team,
        input.note ?? null,
        actors.of(ctx.principal),
      ),
    'assignment.bulk': (input, ctx) =>
      service.bulk(
        input.session,
        input.chats.map((chat, index) => toJid(chat, `chats.${index}`)),
        { user: personId(input.user, ctx.principal, 'user'), team: input.team, status: input.status },
        actors.of(ctx.principal),
      ),
    'assignment.viewCounts': ({ session, status }, ctx) => {
      if (session) sessions.get(session);
      const principal = ctx.principal;
      const person =
        principal.kind === 'user'
          ? { id: principal.userId, teams: people.users.get(principal.userId).teams }
          : null;
      return counts.counts({
        sessionId: ownSessionOf(principal) ?? session,
        status,
        allowedSessions: readableSessions(principal),
        assignedOnly: assignedOnlySessions(principal),
        person,
      });
    },
    'assignment.markReadForMe': ({ session, chat }, ctx) =>
      service.markReadForMe(signedIn(ctx.principal), session, jid(chat)),
    'assignmentSettings.get': () => settings.get(),
    'assignmentSettings.update': (changes) => settings.update(changes),
    'availability.get': (_input, ctx) => availability.get(signedIn(ctx.principal)),
    'availability.set': ({ available }, ctx) => availability.set(signedIn(ctx.principal), available),
  };
}
