import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/contract.js';
import { SCOPES } from '../../../src-shared/contract/keys.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
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
    expect(publicRoutes).toEqual(['GET /health', 'GET /public/widgets/:id']);
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
});
