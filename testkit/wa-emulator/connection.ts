/**
 * One client WebSocket: framing, the Noise handshake, then encrypted binary stanzas.
 * The connection knows nothing about accounts; `server.ts` wires its events to the handlers.
 */
import { EventEmitter } from 'node:events';

import type { BinaryNode, proto } from '@whiskeysockets/baileys';
import { decodeBinaryNode, encodeBinaryNode } from '@whiskeysockets/baileys';
import type { WebSocket } from 'ws';

import { node } from './binary.js';
import type { NoiseIdentity } from './certs.js';
import { debugLog, warn } from './debug.js';
import { encodeFrame, FrameDecoder } from './frames.js';
import type { NoiseTransport } from './noise.js';
import { NoiseServerHandshake } from './noise.js';

export interface DeviceAddress {
  phone: string;
  deviceId: number;
}

interface PendingIq {
  resolve: (stanza: BinaryNode) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

type ConnectionEvents = {
  /** The handshake finished; the ClientPayload says whether this is a login or a registration. */
  payload: [payload: proto.ClientPayload];
  node: [stanza: BinaryNode];
  closed: [];
};

let nextConnectionId = 1;
let nextServerStanzaId = 1;

export function newStanzaId(prefix = 'emu'): string {
  return `${prefix}-${Date.now().toString(36)}-${(nextServerStanzaId++).toString(36)}`;
}

export class ClientConnection extends EventEmitter<ConnectionEvents> {
  readonly id = nextConnectionId++;
  /** The client's static Noise public key (Baileys `creds.noiseKey.public`). */
  clientStatic: Buffer | undefined;
  /** Set once the login succeeded. */
  device: DeviceAddress | undefined;
  closed = false;

  private readonly decoder = new FrameDecoder();
  private readonly handshake: NoiseServerHandshake;
  private transport: NoiseTransport | undefined;
  private phase: 'hello' | 'finish' | 'transport' = 'hello';
  private decodeChain: Promise<void> = Promise.resolve();
  private readonly pendingIqs = new Map<string, PendingIq>();

  constructor(
    private readonly ws: WebSocket,
    noise: NoiseIdentity,
  ) {
    super();
    this.handshake = new NoiseServerHandshake(noise.staticKey, noise.certChain);
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => this.onBytes(toBuffer(data)));
    ws.on('close', () => this.markClosed());
    ws.on('error', () => this.markClosed());
  }

  get label(): string {
    return this.device ? `${this.device.phone}:${this.device.deviceId}` : `conn#${this.id}`;
  }

  send(stanza: BinaryNode): void {
    if (this.closed || !this.transport) {
      return;
    }
    debugLog(`-> ${this.label}`, stanza);
    const encrypted = this.transport.encrypt(encodeBinaryNode(stanza));
    this.ws.send(encodeFrame(encrypted));
  }

  /** Sends a server-originated iq and resolves with the client's result (or error) stanza. */
  sendIq(stanza: BinaryNode, timeoutMs = 15_000): Promise<BinaryNode> {
    const id = stanza.attrs.id ?? newStanzaId('iq');
    stanza.attrs.id = id;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingIqs.delete(id);
        reject(new Error(`client did not answer iq ${id}`));
      }, timeoutMs);
      this.pendingIqs.set(id, { resolve, reject, timer });
      this.send(stanza);
    });
  }

  /** Sends `<stream:error>` (e.g. code 515, `<conflict type="replaced"/>`) and closes. */
  streamError(attrs: Record<string, string>, children: BinaryNode[] = []): void {
    this.send(node('stream:error', attrs, children.length ? children : undefined));
    this.close();
  }

  /** Sends `<failure reason/>` (Baileys maps the reason to the disconnect code) and closes. */
  failure(reason: number): void {
    this.send(node('failure', { reason: String(reason), location: 'emulator' }));
    this.close();
  }

  close(): void {
    if (this.closed) {
      return;
    }
    // Let queued frames flush before the close frame.
    this.ws.close();
    this.markClosed();
  }

  /** Drops the TCP connection without a goodbye, like a network loss. */
  terminate(): void {
    this.ws.terminate();
    this.markClosed();
  }

  private markClosed(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    for (const [id, pending] of this.pendingIqs) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`connection closed before iq ${id} was answered`));
    }
    this.pendingIqs.clear();
    this.emit('closed');
  }

  private onBytes(chunk: Buffer): void {
    if (this.closed) {
      return;
    }
    try {
      for (const frame of this.decoder.push(chunk)) {
        this.onFrame(frame);
      }
    } catch (error) {
      warn(`${this.label}: dropping connection after a bad frame`, error);
      this.terminate();
    }
  }

  private onFrame(frame: Buffer): void {
    switch (this.phase) {
      case 'hello': {
        this.phase = 'finish';
        this.ws.send(encodeFrame(this.handshake.respondToHello(this.decoder.introHeader!, frame)));
        return;
      }
      case 'finish': {
        const { clientStatic, payload, transport } = this.handshake.finish(frame);
        this.clientStatic = clientStatic;
        this.transport = transport;
        this.phase = 'transport';
        this.emit('payload', payload);
        return;
      }
      case 'transport': {
        // Decrypt now (the counter is order-sensitive); decode asynchronously but in order.
        const plaintext = this.transport!.decrypt(frame);
        this.decodeChain = this.decodeChain
          .then(async () => this.onStanza(await decodeBinaryNode(plaintext)))
          .catch((error: unknown) => warn(`${this.label}: failed to handle a stanza`, error));
        return;
      }
    }
  }

  private onStanza(stanza: BinaryNode): void {
    if (this.closed) {
      return;
    }
    debugLog(`<- ${this.label}`, stanza);
    const pending =
      stanza.tag === 'iq' && (stanza.attrs.type === 'result' || stanza.attrs.type === 'error')
        ? this.pendingIqs.get(stanza.attrs.id ?? '')
        : undefined;
    if (pending) {
      clearTimeout(pending.timer);
      this.pendingIqs.delete(stanza.attrs.id ?? '');
      pending.resolve(stanza);
      return;
    }
    this.emit('node', stanza);
  }
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) {
    return Buffer.concat(data);
  }
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
