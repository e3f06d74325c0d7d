// Forwards a hijacked connection (`docker attach`, `run -it`, `exec -it`, BuildKit's
// session): the request head as the client wrote it, its body (exec start carries one),
// then raw bytes both ways with half-close kept, because `docker run` closes its stdin side
// and still expects the container's output. Bytes the client sends before the engine has
// switched protocols are held: if the engine answers with an ordinary response instead
// (404, 409), its connection is still HTTP, and those bytes could be a second request
// smuggled past the policy. So nothing more is forwarded unless the engine says 101.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

const MAX_HELD = 1024 * 1024;

const head = (req: IncomingMessage) => {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
};

/** Resolves to the engine's status (101 once switched), 502 if unreachable, 499 if the client left. */
export function forwardUpgrade(
  req: IncomingMessage,
  client: Duplex,
  early: Buffer,
  connect: () => Promise<Duplex>,
): Promise<number> {
  return new Promise((resolve) => {
    // The body, if any, is part of the request; anything past it waits for the 101.
    let bodyLeft = Number(req.headers["content-length"] ?? 0);
    const held: Buffer[] = [];
    const take = (chunk: Buffer): Buffer => {
      const body = chunk.subarray(0, bodyLeft);
      bodyLeft -= body.length;
      if (body.length < chunk.length) held.push(chunk.subarray(body.length));
      // A well-behaved client waits for the switch; one that floods meanwhile is dropped.
      if (held.reduce((n, b) => n + b.length, 0) > MAX_HELD) client.destroy();
      return body;
    };
    const pending: Buffer[] = [take(early)];
    let engine: Duplex | undefined;
    const onClientData = (chunk: Buffer) => {
      const body = take(chunk);
      if (engine) engine.write(body);
      else pending.push(body);
    };
    let clientEnded = false;
    client.on("data", onClientData);
    client.once("end", () => (clientEnded = true));
    client.on("error", () => engine?.destroy());
    client.on("close", () => (engine?.destroy(), resolve(499)));
    connect().then(
      (e) => {
        engine = e;
        e.on("error", () => client.destroy());
        // After the engine's last byte: end (not destroy) so the client still gets it all.
        e.on("close", () => client.end());
        e.once("end", () => resolve(502));
        e.write(head(req));
        for (const b of pending) e.write(b);
        sniffStatus(e, (status) => {
          resolve(status);
          client.off("data", onClientData);
          if (status !== 101) {
            // An ordinary answer (404, 409…): relay it and end the exchange there.
            client.pause();
            e.end();
            return;
          }
          for (const b of held) e.write(b);
          if (clientEnded) e.end();
          else client.pipe(e);
        });
        e.pipe(client);
      },
      () => {
        resolve(502);
        client.end("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      },
    );
  });
}

/** Reads the status code off the engine's first line without consuming what is piped. */
function sniffStatus(engine: Duplex, onStatus: (status: number) => void): void {
  let seen = "";
  const onData = (chunk: Buffer) => {
    seen += chunk.toString("latin1");
    const end = seen.indexOf("\r\n");
    if (end < 0 && seen.length < 256) return;
    engine.off("data", onData);
    onStatus(Number(seen.slice(0, end).match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? 502));
  };
  engine.on("data", onData);
}
