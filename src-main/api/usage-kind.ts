import { contract, type OpName } from '../../src-shared/contract.js';
import type { UsageKind } from '../../src-shared/contract/key-usage.js';
import { REST_SEND, RPC_DELETE, RPC_SENDS } from './kind-limits.js';
import { isSensitive } from './sensitive-operations.js';

/**
 * What a request was, for usage per key: chat sends, sensitive acts (admin), deletions, reads
 * (REST GETs; `/rpc` operations that need only `messages:read`) and other writes.
 */
export function usageKindOf(method: string, path: string): UsageKind {
  const operation = path.startsWith('/rpc/') ? path.slice('/rpc/'.length) : null;
  if ((method === 'POST' && REST_SEND.test(path)) || (operation && RPC_SENDS.has(operation))) return 'send';
  if (isSensitive(method, path)) return 'admin';
  if (method === 'DELETE' || (operation && RPC_DELETE.test(operation))) return 'delete';
  if (!operation) return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  const access = Object.hasOwn(contract, operation) ? contract[operation as OpName].access : null;
  const scopes = access ? [access.scope].flat() : [];
  return scopes.length > 0 && scopes.every((scope) => scope === 'messages:read') ? 'read' : 'write';
}
