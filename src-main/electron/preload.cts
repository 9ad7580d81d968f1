/**
 * The only bridge between the sandboxed page and the app: typed invoke/subscribe of the
 * contract, nothing else (no ipcRenderer, no Node). CommonJS because sandboxed preloads
 * cannot be ES modules.
 */
import type { DesktopBridge, InvokeAnswer } from '../../src-shared/desktop-bridge.js';
import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

// Duplicated from ipc.ts on purpose: a sandboxed preload can only require 'electron'.
const IPC_INVOKE = 'chatdock:invoke';
const IPC_EVENT = 'chatdock:event';

const bridge = {
  invoke(operation: string, input: unknown): Promise<InvokeAnswer> {
    return ipcRenderer.invoke(IPC_INVOKE, operation, input) as Promise<InvokeAnswer>;
  },
  subscribe(listener: (event: AnyEventEnvelope) => void): () => void {
    const handler = (_event: electron.IpcRendererEvent, envelope: AnyEventEnvelope) => listener(envelope);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.off(IPC_EVENT, handler);
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('chatdock', bridge);
