import { contract, isOpName, type Handlers, type OpName } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import { parseInput } from '../../src-shared/validation.js';
import { authorize, checkScope, checkUiCaller } from '../services/access/authorizer.js';
import { AUDITED_OPERATIONS, auditTarget } from '../services/audit/audited-operations.js';
import type { Principal } from '../services/access/principal.js';
import type { RpcContext } from './context.js';

/** Writes one audit entry for a principal's successful sensitive call. */
export type AuditRecorder = (
  principal: Principal,
  action: string,
  target: string | null,
  address: string | null,
) => void;

/**
 * Validates a call against the contract, authorizes it against the operation's declared access
 * and runs its handler. Every transport (HTTP bridge, Electron IPC) goes through here, so
 * validation and authorization happen in exactly one place.
 */
export class RpcDispatcher {
  constructor(
    private readonly handlers: Handlers<RpcContext>,
    /** Records sensitive operations in the audit log once they succeeded. */
    private readonly audit: AuditRecorder = () => undefined,
  ) {}

  /**
   * The checks that need no input, so the HTTP bridge can refuse a caller before it reads the
   * body: the operation exists, the caller may use the UI's operations and has the scope.
   */
  precheck(name: string, context: RpcContext): OpName {
    if (!isOpName(name)) throw new AppError('UNKNOWN_OPERATION', `unknown operation "${name}"`);
    checkUiCaller(context.principal);
    checkScope(context.principal, contract[name].access as never);
    return name;
  }

  async call(name: string, input: unknown, context: RpcContext): Promise<unknown> {
    const op = this.precheck(name, context);
    const parsed: unknown = parseInput(contract[op].input, input ?? {});
    authorize(context.principal, contract[op].access as never, parsed as never);
    const handler = this.handlers[op] as (input: unknown, ctx: RpcContext) => unknown;
    const result = await handler(parsed, context);
    const action = AUDITED_OPERATIONS[op];
    if (action) this.audit(context.principal, action, auditTarget(parsed), context.address ?? null);
    return result;
  }

  names(): OpName[] {
    return Object.keys(this.handlers) as OpName[];
  }
}
