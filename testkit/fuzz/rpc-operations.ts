import type { Operation } from './openapi-operations.js';

/**
 * The UI's contract operations as the fuzzer's operations: `POST /rpc/<name>`, keyed, JSON. They
 * have no examples, so valid-key requests carry `{}` and its mutations: never a complete input,
 * which also keeps destructive ones (delete or log out a session) from acting on the fixture.
 */
export function rpcOperations(names: readonly string[]): Operation[] {
  return names.map((name) => ({
    method: 'POST',
    path: `/rpc/${name}`,
    isPublic: false,
    pathParams: [],
    queryParams: [],
    jsonBody: { schema: {}, example: {} },
    multipart: false,
  }));
}
