import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

export function logHandlers({ logs }: Services): Pick<Handlers<RpcContext>, 'logs.list'> {
  return { 'logs.list': (input) => logs.query(input) };
}
