import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../../src-shared/access.js';
import { contract } from '../../../src-shared/contract.js';
import { SCOPES } from '../../../src-shared/contract/keys.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { declaredLimits } from '../kind-limits.js';
import { allRoutes } from '../routes/index.js';

/**
 * "Every operation declares who may call it": a route or contract operation added without a
 * declaration, or a per-session route that forgets to name its session, fails here.
 */
describe('access declarations', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore();
  });
  afterAll(() => app.stop());

  const validScope = (scope: unknown) =>
    (typeof scope === 'string' && (SCOPES as readonly string[]).includes(scope)) ||
    (Array.isArray(scope) &&
      scope.length > 0 &&
      scope.every((one) => (SCOPES as readonly string[]).includes(one)));

  it('every REST route is public on purpose or names its scope', () => {
    const routes = allRoutes(app.core.services);
    const publicRoutes = routes
      .filter((route) => route.access === 'public')
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort();
    // Sign-in and the owner's first-run setup are public by nature (they are how one gets a credential).
    expect(publicRoutes).toEqual([
      'GET /auth/status',
      'GET /health',
      'GET /public/widgets/:id',
      'POST /auth/accept-code',
      'POST /auth/setup',
      'POST /auth/signin',
      'POST /auth/token',
    ]);
    for (const route of routes) {
      if (route.access === 'public') continue;
      expect(validScope(route.access.scope), `${route.method} ${route.path}`).toBe(true);
    }
  });

  it('every route under /sessions/:id says which session it touches', () => {
    for (const route of allRoutes(app.core.services)) {
      if (route.access === 'public' || !route.path.startsWith('/sessions/:')) continue;
      const name = `${route.method} ${route.path}`;
      // Deleting a session is for keys that manage all sessions; a session key may not.
      if (route.access.sessionKeys === false) continue;
      expect(route.access.session, name).toBeTypeOf('function');
    }
  });

  it('every contract operation names its scope', () => {
    for (const [name, operation] of Object.entries(contract)) {
      expect(validScope(operation.access.scope), name).toBe(true);
    }
  });

  it('every contract operation whose input has a session says so', () => {
    for (const [name, operation] of Object.entries(contract)) {
      const shape = (operation.input as { shape?: Record<string, unknown> }).shape ?? {};
      if (!('session' in shape)) continue;
      expect(operation.access.session, name).toBeTypeOf('function');
    }
  });

  /**
   * The rate-limit budgets (issue #26 point 2) are part of each declaration (`Access.limits`):
   * pinned here, so a route or operation that should be limited cannot lose it unnoticed, and
   * an operation named like a deletion must say it is one.
   */
  const budgetsOf = (access: Access<never>, method?: string) => [...declaredLimits(access, method)].sort();

  it('the sensitive, delete and send budgets of REST routes are the ones pinned', () => {
    const limited = allRoutes(app.core.services)
      .filter((route) => route.access !== 'public')
      .map((route) => {
        const method = route.method.toUpperCase();
        const budgets = budgetsOf(route.access as Access<never>, method);
        return budgets.length ? `${method} ${route.path}: ${budgets.join(' ')}` : null;
      })
      .filter((line) => line !== null && !line.endsWith(': delete'))
      .sort();
    expect(limited).toEqual([
      'DELETE /keys/:id: delete sensitive',
      'DELETE /sessions/:id: delete sensitive',
      'DELETE /users/:id: delete sensitive',
      'POST /backups/restore: sensitive',
      'POST /keys: sensitive',
      'POST /sessions/:id/channels/:jid/posts: send',
      'POST /sessions/:id/key: sensitive',
      'POST /sessions/:id/logout: sensitive',
      'POST /sessions/:id/messages/attachments: send',
      'POST /sessions/:id/messages: send',
      'POST /sessions/:id/status/:statusId/reply: send',
      'POST /sessions/:id/status: send',
      'POST /webhooks/:id/retry: sensitive',
      'POST /webhooks/:id/secret: sensitive',
      'POST /webhooks/:id/test: sensitive',
      'POST /webhooks/deliveries/:id/retry: sensitive',
      'POST /webhooks: sensitive',
      'PUT /settings/rate-limits: sensitive',
    ]);
  });

  it('the sensitive and send budgets of contract operations are the ones pinned; deletions say so', () => {
    const limited = Object.entries(contract)
      .map(([name, operation]) => {
        const budgets = budgetsOf(operation.access as Access<never>).filter((kind) => kind !== 'delete');
        return budgets.length ? `${name}: ${budgets.join(' ')}` : null;
      })
      .filter((line) => line !== null)
      .sort();
    expect(limited).toEqual([
      'adminKey.rotate: sensitive',
      'backups.restore: sensitive',
      'channels.post: send',
      'keys.create: sensitive',
      'keys.revoke: sensitive',
      'messages.forward: send',
      'messages.send: send',
      'rateLimits.set: sensitive',
      'sessions.delete: sensitive',
      'sessions.logout: sensitive',
      'sessions.rotateKey: sensitive',
      'status.post: send',
      'status.reply: send',
      'users.delete: sensitive',
      'webhooks.create: sensitive',
      'webhooks.retryDelivery: sensitive',
      'webhooks.retryFailed: sensitive',
      'webhooks.rotateSecret: sensitive',
      'webhooks.test: sensitive',
    ]);
    const deletion = /\.(delete|remove|revoke|forget)[A-Z]?\w*$|\.deleteRule$/;
    for (const [name, operation] of Object.entries(contract)) {
      if (deletion.test(name)) expect(budgetsOf(operation.access as Access<never>), name).toContain('delete');
    }
  });
});
