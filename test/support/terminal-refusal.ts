// A hello that is expected to be refused: what error the server sent and how it closed.
import WebSocket from "ws";
import type { ServerMsg } from "../../common/terminal-protocol.ts";

export async function terminalRefusal(
  baseUrl: string,
  sessionId: string,
  token: string,
  term = "term1",
): Promise<{ error: string | undefined; close: number }> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/sessions/${sessionId}/terminals/${term}`);
  const msgs: ServerMsg[] = [];
  ws.on("message", (d) => msgs.push(JSON.parse(d.toString()) as ServerMsg));
  await new Promise<void>((resolve, reject) => ws.once("open", resolve).once("error", reject));
  ws.send(JSON.stringify({ t: "hello", token, term, cols: 80, rows: 24, lastSeq: 0, mode: "control" }));
  const close = await new Promise<number>((resolve) => ws.once("close", resolve));
  const err = msgs.find((m) => m.t === "error");
  if (msgs.some((m) => m.t === "ready")) throw new Error("the terminal was opened");
  return { error: err?.t === "error" ? err.code : undefined, close };
}
