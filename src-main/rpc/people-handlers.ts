import type { Handlers } from '../../src-shared/contract.js';
import type { Me, UserRole } from '../../src-shared/contract/people.js';
import { AppError } from '../../src-shared/errors.js';
import { isAdminPerson } from '../services/access/authorizer.js';
import type { Principal, UserPrincipal } from '../services/access/principal.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type PeopleOps = Extract<
  keyof Handlers<RpcContext>,
  | 'people.me'
  | `users.${string}`
  | `teams.${string}`
  | `permissions.${string}`
  | `signins.${string}`
  | `tokens.${string}`
  | `audit.${string}`
  | `peopleSettings.${string}`
>;

/** The role a caller acts with: keys and the desktop window are the owner's. */
function roleOf(principal: Principal): UserRole {
  return principal.kind === 'user' ? principal.grants.role() : 'owner';
}

/** Operations declared `keys: false` only ever see a person; this narrows the type. */
function person(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw new AppError('FORBIDDEN', 'this is for a signed-in person');
  return principal;
}

export function peopleHandlers({
  people,
  actors,
  assignment,
  events,
}: Services): Pick<Handlers<RpcContext>, PeopleOps> {
  const { users, teams, permissions, signIns, tokens, audit, settings } = people;
  const { handover } = assignment;
  return {
    'people.me': (_input, ctx): Me => {
      const principal = ctx.principal;
      // Never reached locked (the authorizer refuses it); said for the types.
      if (principal.kind === 'locked-desktop') throw new AppError('FORBIDDEN', 'the window is locked');
      if (principal.kind !== 'user') {
        return {
          user: null,
          kind: principal.kind,
          via: principal.kind === 'desktop' ? 'desktop' : 'key',
          role: 'owner',
          numbers: [],
          csrfToken: null,
        };
      }
      const numbers = isAdminPerson(principal)
        ? []
        : [...principal.grants.numbers()].map(([session, rights]) => ({ session, ...rights }));
      return {
        user: users.get(principal.userId),
        kind: 'user',
        via: principal.via,
        role: principal.grants.role(),
        numbers,
        csrfToken: ctx.csrfToken ?? null,
      };
    },
    'users.list': () => ({ items: users.list(), next: null }),
    'users.create': (input, ctx) => users.create(input, actors.of(ctx.principal), roleOf(ctx.principal)),
    'users.update': (input, ctx) => users.update(input, actors.of(ctx.principal), roleOf(ctx.principal)),
    // The chats move and the person goes in one transaction: a refusal of either changes nothing.
    'users.delete': ({ id, moveChatsTo }, ctx) =>
      events.transaction(() => {
        const actor = actors.of(ctx.principal);
        handover.release({ user: id }, users.get(id).name, moveChatsTo, actor);
        return users.delete(id, actor, roleOf(ctx.principal));
      }),
    'users.openChats': ({ id }) => ({ count: handover.openChats({ user: users.get(id).id }) }),
    'users.resetCode': ({ id }, ctx) => users.resetCode(id, actors.of(ctx.principal), roleOf(ctx.principal)),
    'users.changePassword': ({ currentPassword, newPassword }, ctx) => {
      const me = person(ctx.principal);
      return users.changePassword(
        me.userId,
        currentPassword,
        newPassword,
        me.via === 'cookie' ? me.credentialId : null,
      );
    },
    'users.setPin': ({ currentPassword, pin }, ctx) =>
      users.setPin(person(ctx.principal).userId, currentPassword, pin),
    'users.setLanguage': ({ language }, ctx) => users.setLanguage(person(ctx.principal).userId, language),
    'teams.list': () => ({ items: teams.list(), next: null }),
    'teams.create': (input, ctx) => teams.create(input, actors.of(ctx.principal)),
    'teams.update': (input, ctx) => teams.update(input, actors.of(ctx.principal)),
    'teams.delete': ({ id, moveChatsTo }, ctx) =>
      events.transaction(() => {
        const actor = actors.of(ctx.principal);
        handover.release({ team: id }, teams.get(id).name, moveChatsTo, actor);
        return teams.delete(id, actor);
      }),
    'teams.openChats': ({ id }) => ({ count: handover.openChats({ team: teams.get(id).id }) }),
    'permissions.get': ({ session }) => permissions.get(session),
    'permissions.set': ({ session, grants }, ctx) =>
      permissions.set(session, grants, actors.of(ctx.principal)),
    'signins.list': (_input, ctx) => {
      const me = person(ctx.principal);
      return { items: signIns.list(me.userId, me.via === 'cookie' ? me.credentialId : null), next: null };
    },
    'signins.revoke': ({ id }, ctx) => ({ revoked: signIns.revoke(person(ctx.principal).userId, id) }),
    'signins.revokeOthers': (_input, ctx) => {
      const me = person(ctx.principal);
      const revoked = signIns.endAllOf(me.userId, me.via === 'cookie' ? me.credentialId : null);
      audit.record({ actor: actors.of(me), action: 'auth.signout_everywhere', target: `user:${me.userId}` });
      return { revoked };
    },
    'tokens.list': (_input, ctx) => ({ items: tokens.list(person(ctx.principal).userId), next: null }),
    'tokens.create': (input, ctx) => {
      const me = person(ctx.principal);
      const created = tokens.create(me.userId, input);
      audit.record({ actor: actors.of(me), action: 'token.created', target: `token:${created.token.id}` });
      return created;
    },
    'tokens.revoke': ({ id }, ctx) => {
      const me = person(ctx.principal);
      const revoked = tokens.revoke(me.userId, id);
      audit.record({ actor: actors.of(me), action: 'token.revoked', target: `token:${id}` });
      return revoked;
    },
    'audit.list': (query) => audit.list(query),
    'audit.export': (filters, ctx) => {
      audit.record({ actor: actors.of(ctx.principal), action: 'audit.exported', detail: { ...filters } });
      const csv = audit.csv(filters);
      return { fileName: 'audit.csv', contentType: 'text/csv', base64: Buffer.from(csv).toString('base64') };
    },
    'peopleSettings.get': () => settings.get(),
    'peopleSettings.update': (changes, ctx) => {
      const next = settings.update(changes);
      audit.record({ actor: actors.of(ctx.principal), action: 'settings.people_changed', detail: changes });
      return next;
    },
  };
}
