import type { Context } from 'koa';
import { z } from 'zod';
import { SCOPES } from '../../../src-shared/contract/keys.js';
import { MIN_PASSWORD_LENGTH, acceptCodeInput, userSchema } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Services } from '../../services/index.js';
import { EXCHANGED_TOKEN_TTL_MS } from '../../services/people/tokens.js';
import { nameKey } from '../../services/people/names.js';
import { SESSION_COOKIE } from '../auth.js';
import { rateLimitedError, TokenBucketLimiter } from '../rate-limit.js';
import { defineRoute } from '../route.js';

const signInInput = z
  .strictObject({
    login: z.string().trim().min(1, 'is required').max(120),
    password: z.string().min(1, 'is required').max(256),
  })
  .meta({ id: 'SignIn', example: { login: 'dana', password: 'dana-secret-1' } });

const signedInSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('Send it as X-CSRF-Token on every state-changing call with the cookie'),
  })
  .meta({
    id: 'SignedIn',
    example: {
      user: {
        id: 'usr_7Qm2',
        name: 'Dana Levi',
        login: 'dana',
        role: 'agent',
        disabled: false,
        hasPassword: true,
        hasPin: false,
        language: null,
        teams: [],
        createdAt: '2026-12-01T09:00:00.000Z',
        lastSignInAt: '2026-12-05T08:00:00.000Z',
      },
      csrfToken: 'b1f0c0b8e0a54e3b9d2c',
    },
  });

const tokenInput = signInInput
  .extend({
    name: z.string().trim().min(1).max(80).default('Script token'),
    scopes: z.array(z.enum(SCOPES)).min(1).optional(),
  })
  .meta({
    id: 'TokenExchange',
    example: { login: 'dana', password: 'dana-secret-1', scopes: ['messages:read'] },
  });

const exchangedSchema = z.object({ key: z.string(), expiresAt: z.string() }).meta({
  id: 'ExchangedToken',
  example: { key: 'cd_Tz81qJ7mKp4RtY8wZb3nLc6dFh1gSa5eUo0iWq2XyEk', expiresAt: '2026-12-05T12:40:00.000Z' },
});

const setupInput = z
  .strictObject({
    setupCode: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(200)
      .describe('Printed in the terminal at first run (or the admin key)'),
    name: z.string().trim().min(1, 'is required').max(80),
    login: z.string().trim().min(1, 'is required').max(120).regex(/^\S+$/u, 'may not contain spaces'),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(256),
  })
  .meta({
    id: 'OwnerSetup',
    example: { setupCode: 'K7QM-2XPA-9RTD', name: 'Noa Cohen', login: 'noa', password: 'noa-secret-1' },
  });

const statusSchema = z
  .object({ setupNeeded: z.boolean().describe("True until the owner's account exists") })
  .meta({ id: 'AuthStatus', example: { setupNeeded: false } });

/** A browser may keep the cookie this long; the idle setting ends unused sign-ins much sooner. */
const COOKIE_MAX_AGE_S = 30 * 24 * 60 * 60;

function setSessionCookie(ctx: Context, token: string | null): void {
  const secure = ctx.secure ? '; Secure' : '';
  const value = token
    ? `${SESSION_COOKIE}=${token}; Max-Age=${COOKIE_MAX_AGE_S}`
    : `${SESSION_COOKIE}=; Max-Age=0`;
  ctx.set('Set-Cookie', `${value}; Path=/; HttpOnly; SameSite=Strict${secure}`);
}

/**
 * Sign-in, sign-out, the owner's first-run setup, accepting an invite/reset code and exchanging
 * a password for a short-lived token. Wrong passwords are limited per account (5 at once, then
 * one a minute) and per address (20, then one every 15 s): the answer is 429 with Retry-After
 * and says when to try again, and a right password is never refused for someone else's tries
 * from another address for longer than that minute.
 */
export function authRoutes({ people, actors }: Services) {
  const perAccount = new TokenBucketLimiter(5, 1 / 60);
  const perAddress = new TokenBucketLimiter(20, 1 / 15);
  const tag = 'auth';

  /** Checks name + password under the limits; audits the outcome. */
  async function verified(ctx: Context, login: string, password: string) {
    const address = ctx.socket.remoteAddress ?? 'unknown';
    const account = nameKey(login);
    const wait = Math.max(perAccount.waitSeconds(account), perAddress.waitSeconds(address));
    if (wait > 0) {
      ctx.set('Retry-After', String(wait));
      throw rateLimitedError(wait, 'too many wrong passwords');
    }
    const row = await people.users.verify(login, password);
    if (!row) {
      perAccount.take(account);
      perAddress.take(address);
      people.audit.record({
        actor: { type: 'system', id: null, name: login.slice(0, 120) },
        action: 'auth.signin_failed',
        address,
      });
      throw new AppError('UNAUTHORIZED', 'wrong sign-in name or password');
    }
    return row;
  }

  function signIn(ctx: Context, userId: string) {
    const started = people.signIns.start(userId, {
      userAgent: ctx.get('user-agent') || null,
      address: ctx.socket.remoteAddress ?? null,
    });
    setSessionCookie(ctx, started.token);
    const user = people.users.get(userId);
    people.audit.record({
      actor: { type: 'user', id: user.id, name: user.name },
      action: 'auth.signin',
      target: `user:${user.id}`,
      address: ctx.socket.remoteAddress ?? null,
    });
    return { user, csrfToken: started.csrfToken };
  }

  return [
    defineRoute({
      method: 'get',
      path: '/auth/status',
      tag,
      summary: 'Whether the owner still has to be created',
      access: 'public',
      response: { status: 200, description: 'The first-run state', schema: statusSchema },
      handler: () => ({ setupNeeded: people.firstRun.needed() }),
    }),
    defineRoute({
      method: 'post',
      path: '/auth/setup',
      tag,
      summary: "Create the owner's account (first run)",
      description:
        'Only while nobody exists. `setupCode` is the code `npm run serve` printed in the terminal, or the admin key. Signs the owner in.',
      access: 'public',
      body: setupInput,
      response: { status: 201, description: 'Signed in as the owner', schema: signedInSchema },
      handler: async ({ body, ctx }) => {
        const user = await people.firstRun.createOwner(body.setupCode, body);
        return signIn(ctx, user.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/signin',
      tag,
      summary: 'Sign in with name and password',
      description:
        'Sets the HttpOnly, SameSite=Strict session cookie and answers the CSRF token to send as X-CSRF-Token. 401 for a wrong name or password (the same answer for both), 429 with Retry-After after too many.',
      access: 'public',
      body: signInInput,
      response: { status: 200, description: 'Signed in', schema: signedInSchema },
      handler: async ({ body, ctx }) => {
        const row = await verified(ctx, body.login, body.password);
        return signIn(ctx, row.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/accept-code',
      tag,
      summary: 'Choose a password with an invite or reset code',
      description: 'The one-time code the owner was shown. Signs the person in.',
      access: 'public',
      body: acceptCodeInput,
      response: { status: 200, description: 'Signed in', schema: signedInSchema },
      handler: async ({ body, ctx }) => {
        const address = ctx.socket.remoteAddress ?? 'unknown';
        const account = nameKey(body.login);
        const wait = Math.max(perAccount.waitSeconds(account), perAddress.waitSeconds(address));
        if (wait > 0) {
          ctx.set('Retry-After', String(wait));
          throw rateLimitedError(wait, 'too many wrong codes');
        }
        const row = await people.users.acceptCode(body.login, body.code, body.newPassword);
        if (!row) {
          perAccount.take(account);
          perAddress.take(address);
          throw new AppError('VALIDATION_FAILED', 'this code is not valid (wrong, used or expired)', 'code');
        }
        return signIn(ctx, row.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/signout',
      tag,
      summary: 'Sign this browser out',
      description:
        'Ends the sign-in of the cookie (its event streams close with 4401) and clears the cookie.',
      access: {
        scope: ['messages:read', 'messages:send', 'sessions:manage', 'webhooks:manage', 'widgets:manage'],
        people: 'self',
        keys: false,
      },
      response: { status: 204, description: 'Signed out' },
      handler: ({ principal, ctx }) => {
        if (principal.kind === 'user' && principal.via === 'cookie' && principal.credentialId) {
          people.signIns.end([principal.credentialId]);
          people.audit.record({
            actor: actors.of(principal),
            action: 'auth.signout',
            address: ctx.socket.remoteAddress ?? null,
          });
        }
        setSessionCookie(ctx, null);
        ctx.body = null;
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/token',
      tag,
      summary: 'Exchange name and password for a short-lived token',
      description:
        'For scripts that prefer a password to a stored key: a personal token valid for one hour, acting as the person (narrowed to `scopes` if given). Same limits as sign-in.',
      access: 'public',
      body: tokenInput,
      response: { status: 201, description: 'The token', schema: exchangedSchema },
      handler: async ({ body, ctx }) => {
        const row = await verified(ctx, body.login, body.password);
        const created = people.tokens.create(
          row.id,
          { name: body.name, scopes: body.scopes },
          EXCHANGED_TOKEN_TTL_MS,
        );
        people.audit.record({
          actor: { type: 'user', id: row.id, name: row.name },
          action: 'token.exchanged',
          target: `token:${created.token.id}`,
          address: ctx.socket.remoteAddress ?? null,
        });
        return { key: created.key, expiresAt: created.token.expiresAt ?? '' };
      },
    }),
  ];
}
