// Small node:http servers on 127.0.0.1 that misbehave on purpose (HTML 502, empty bodies, stalls,
// dropped connections), for the client's and the CLI's failure-mode tests. Each records the
// requests it received, and `close()` destroys any connection still open (a stalled one).
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FaultServer {
  url: string;
  requests: ReceivedRequest[];
  /** Connections open on the server side right now. */
  openSockets(): number;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  /** Closes an idle keep-alive connection after this many ms (Node's default is 5000). */
  keepAliveTimeoutMs?: number;
}

export type FaultHandler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export async function startFaultServer(handler: FaultHandler, options: FaultServerOptions = {}): Promise<FaultServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Replies with a fixed status, headers and body. */
export function reply(status: number, body: string, headers: Record<string, string> = {}): FaultHandler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** A port on 127.0.0.1 nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The n-th request (from 0) gets `handlers[n]`; requests after the last get the last handler. */
export function sequence(...handlers: FaultHandler[]): FaultHandler {
  let n = 0;
  return (req, res, body) => {
    const handler = handlers[Math.min(n, handlers.length - 1)];
    n += 1;
    handler?.(req, res, body);
  };
}
