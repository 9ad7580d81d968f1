import type { OpInput, OpName, OpOutput } from '../../src-shared/contract';
import type { AnyEventEnvelope } from '../../src-shared/contract/events';
import type { DesktopBridge } from '../../src-shared/desktop-bridge';

export type EventListener = (event: AnyEventEnvelope) => void;

/** Connection state of the event channel, shown in the UI when it is not `open`. */
export type LinkState = 'connecting' | 'open' | 'closed';

/**
 * How the UI reaches the core: Electron IPC in the desktop app, HTTP + WebSocket in a
 * browser. Both speak the same contract; the rest of the UI never knows which one it has.
 */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call<K extends OpName>(operation: K, input: OpInput<K>): Promise<OpOutput<K>>;
  subscribe(listener: EventListener): () => void;
  onLinkState(listener: (state: LinkState) => void): () => void;
  close(): void;
}

export type { DesktopBridge } from '../../src-shared/desktop-bridge';

declare global {
  interface Window {
    chatdock?: DesktopBridge;
  }
}
