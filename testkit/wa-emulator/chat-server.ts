/**
 * The WebSocket listener (`ws://127.0.0.1:PORT/ws/chat`). `suspend()` simulates a network loss:
 * every connection is dropped and the port stops accepting (clients get ECONNREFUSED);
 * `resume()` listens again on the SAME port, so clients reconnect by themselves.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export const CHAT_PATH = '/ws/chat';

export class ChatServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(private readonly onConnection: (ws: WebSocket) => void) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}${CHAT_PATH}`;
  }

  get suspended(): boolean {
    return !this.server;
  }

  async listen(port: number): Promise<number> {
    const server = createServer((_req, res) => res.writeHead(426).end('WebSocket only'));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== CHAT_PATH) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  /** Drops every client and stops listening; `resume()` reopens the same port. */
  async suspend(): Promise<void> {
    const server = this.server;
    if (!server) {
      return;
    }
    this.server = undefined;
    for (const ws of this.wss.clients) {
      ws.terminate();
    }
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async resume(): Promise<void> {
    if (!this.server) {
      await this.listen(this.port);
    }
  }

  async close(): Promise<void> {
    await this.suspend();
    this.wss.close();
  }
}
