import type { Access } from '../../src-shared/access.js';
import type { UsageKind } from '../../src-shared/contract/key-usage.js';
import { declaredLimits } from './kind-limits.js';

/**
 * What a request was, for usage per key, from what its route or operation declares (the same
 * declaration the rate limits read): chat sends, sensitive acts (admin), deletions, reads (REST
 * GETs; `/rpc` operations that need only `messages:read`) and other writes. A request that
 * matched no route (a 404 with a valid key) is a read or a write by its method.
 */
export function usageKindOf(method: string, path: string, access: Access<never> | undefined): UsageKind {
  const reading = method === 'GET' || method === 'HEAD';
  if (!access) return reading ? 'read' : 'write';
  const declared = declaredLimits(access, method);
  if (declared.has('send')) return 'send';
  if (declared.has('sensitive')) return 'admin';
  if (declared.has('delete')) return 'delete';
  if (!path.startsWith('/rpc/')) return reading ? 'read' : 'write';
  const scopes = [access.scope].flat();
  return scopes.length > 0 && scopes.every((scope) => scope === 'messages:read') ? 'read' : 'write';
}
