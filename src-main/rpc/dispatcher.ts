import { contract, isOpName, type Handlers, type OpName } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import { parseInput } from '../../src-shared/validation.js';
import { authorize, checkScope, checkUiCaller } from '../services/access/authorizer.js';
import { AUDITED_OPERATIONS, auditTarget } from '../services/audit/audited-operations.js';
import type { ConfirmationCheck } from '../services/access/confirmation.js';
import type { Principal } from '../services/access/principal.js';
import type { RpcContext } from './context.js';

/** Writes one audit entry for a principal's successful sensitive call. */
export type AuditRecorder = (
  principal: Principal,
  action: string,
  target: string | null,
  address: string | null,
  detail?: Record<string, unknown>,
) => void;

/** Refuses every confirmation: a dispatcher built without the check never runs such an operation. */
const refuseConfirmation: ConfirmationCheck = () =>
  Promise.reject(new AppError('FORBIDDEN', 'this operation cannot be confirmed here'));

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
    /** Operations that cannot be undone (`Access.confirm`): the password or admin key check. */
    private readonly confirmation: ConfirmationCheck = refuseConfirmation,
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
    const access = contract[op].access as { confirm?: boolean };
    authorize(context.principal, access as never, parsed as never);
    if (access.confirm) {
      await this.confirmation({
        principal: context.principal,
        operation: op,
        input: parsed as { confirm?: unknown; password?: unknown },
        target: auditTarget(parsed),
        address: context.address ?? null,
      });
    }
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
