import { contract, isOpName, type Handlers, type OpName } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import { parseInput } from '../../src-shared/validation.js';
import type { RpcContext } from './context.js';

/**
 * Validates a call against the contract and runs its handler. Every transport (HTTP bridge,
 * WebSocket, Electron IPC) goes through here, so validation happens in exactly one place.
 */
export class RpcDispatcher {
  constructor(private readonly handlers: Handlers<RpcContext>) {}

  async call(name: string, input: unknown, context: RpcContext): Promise<unknown> {
    if (!isOpName(name)) throw new AppError('UNKNOWN_OPERATION', `unknown operation "${name}"`);
    const parsed = parseInput(contract[name].input, input ?? {});
    const handler = this.handlers[name] as (input: unknown, ctx: RpcContext) => unknown;
    return await handler(parsed, context);
  }

  names(): OpName[] {
    return Object.keys(this.handlers) as OpName[];
  }
}
