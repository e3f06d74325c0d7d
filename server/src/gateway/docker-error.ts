// Errors the way the engine words them, {"message": "…"}, so the docker CLI prints
// "Error response from daemon: …" on one line. The raw form is for sockets that have no
// usable HTTP response (a malformed request, a refused upgrade); it closes the connection.
import type { ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

const REASONS: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  408: "Request Timeout",
  413: "Payload Too Large",
  431: "Request Header Fields Too Large",
  502: "Bad Gateway",
};

/** `close` drops the connection after the answer: the client may still be sending a body. */
export function sendDockerError(res: ServerResponse, status: number, message: string, close = false): void {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({ message });
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    ...(close ? { Connection: "close" } : {}),
  });
  if (close) res.once("finish", () => res.socket?.destroy());
  res.end(body);
}

export function writeRawError(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ message });
  const head = `HTTP/1.1 ${status} ${REASONS[status] ?? "Error"}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  if (socket.writable) socket.end(head + body);
  // Do not wait on a client that does not read: it may be the one attacking.
  setTimeout(() => socket.destroy(), 1000).unref();
}
