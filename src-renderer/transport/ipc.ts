import type { OpInput, OpName, OpOutput } from '../../src-shared/contract';
import { Listeners } from './listeners';
import { RpcError } from './rpc-error';
import type { DesktopBridge, EventListener, LinkState, Transport } from './types';

/** The desktop transport: the preload's typed invoke/subscribe over Electron IPC. */
export class IpcTransport implements Transport {
  readonly kind = 'ipc' as const;
  private readonly linkStates = new Listeners<LinkState>();

  constructor(private readonly bridge: DesktopBridge) {}

  async call<K extends OpName>(operation: K, input: OpInput<K>): Promise<OpOutput<K>> {
    const answer = await this.bridge.invoke(operation, input ?? {});
    if (!answer.ok) throw RpcError.from(answer.error);
    return answer.result as OpOutput<K>;
  }

  subscribe(listener: EventListener): () => void {
    return this.bridge.subscribe(listener);
  }

  /** IPC is always up while the window exists. */
  onLinkState(listener: (state: LinkState) => void): () => void {
    listener('open');
    return this.linkStates.add(listener);
  }

  close(): void {}
}
