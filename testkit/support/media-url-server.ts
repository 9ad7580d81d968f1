import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The emulator's TEST-ONLY certificate for 127.0.0.1 / ::1 / localhost; tests trust its CA. */
const CERTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../wa-emulator/certs');

export interface MediaUrlServer {
  /** `https://127.0.0.1:<port>` (or http:// for a plain server). */
  origin: string;
  port: number;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A small web server on 127.0.0.1 for media-URL tests: https with the test certificate unless
 * `plain`, answering every request with `handler`.
 */
export async function startMediaUrlServer(
  handler: Handler,
  options: { plain?: boolean; host?: string } = {},
): Promise<MediaUrlServer> {
  const requests: string[] = [];
  const listener: Handler = (request, response) => {
    requests.push(request.url ?? '');
    handler(request, response);
  };
  const server = options.plain
    ? createHttpServer(listener)
    : createHttpsServer(
        {
          cert: readFileSync(path.join(CERTS, 'server.pem')),
          key: readFileSync(path.join(CERTS, 'server.key')),
        },
        listener,
      );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.plain ? 'http' : 'https'}://${host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
