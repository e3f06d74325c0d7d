// The terminal wire protocol, shared by browser and server. JSON text frames, one message
// each, discriminated on `t`. The server never trusts a frame: parseClientMessage checks
// every field and bound, and returns a ProtocolError instead of throwing.

export const MAX_FRAME_BYTES = 1024 * 1024;
export const MAX_DATA_CHARS = 64 * 1024;
export const MAX_DIMENSION = 1000;
/** The client acknowledges consumed output in steps of this many bytes. */
export const ACK_EVERY_BYTES = 256 * 1024;
/** The server pauses the terminal above this many unacknowledged bytes... */
export const HIGH_WATERMARK_BYTES = 2 * 1024 * 1024;
/** ...and resumes below this many. */
export const LOW_WATERMARK_BYTES = 512 * 1024;

export type TerminalMode = "control" | "view";

export type ClientMsg =
  | {
      t: "hello";
      token: string;
      term: string;
      cols: number;
      rows: number;
      lastSeq: number;
      mode: TerminalMode;
    }
  | { t: "in"; data: string }
  | { t: "resize"; cols: number; rows: number }
  | { t: "ack"; bytes: number }
  | { t: "ping" };

/** `ended`: the session is over (ended by the learner, expired); the shell will not come back. */
export type ErrorCode = "forbidden" | "not-found" | "hijacked" | "bad-message" | "unavailable" | "ended";

export type ServerMsg =
  /** `truncated`: output after the client's lastSeq was already dropped; what is kept follows. */
  | { t: "ready"; seq: number; truncated: boolean }
  | { t: "out"; seq: number; data: string }
  | { t: "exit"; code: number | null }
  /** To viewers: the size the controller's shell draws for, so they can show it as it is. */
  | { t: "size"; cols: number; rows: number }
  | { t: "error"; code: ErrorCode; message: string }
  | { t: "pong" };

/** Websocket close codes that go with each error, so a client knows without parsing. */
export const CLOSE_CODES: Readonly<Record<ErrorCode, number>> = {
  "bad-message": 4400,
  forbidden: 4403,
  "not-found": 4404,
  hijacked: 4409,
  unavailable: 4503,
  ended: 4410,
};

export class ProtocolError {
  readonly code = "bad-message";
  constructor(readonly message: string) {}
}

type Fields = Record<string, unknown>;

const int = (o: Fields, key: string, min: number, max: number): number | ProtocolError => {
  const v = o[key];
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min || v > max)
    return new ProtocolError(`${key}: expected a whole number from ${min} to ${max}`);
  return v;
};

const str = (o: Fields, key: string, maxChars: number): string | ProtocolError => {
  const v = o[key];
  if (typeof v !== "string" || v.length > maxChars)
    return new ProtocolError(`${key}: expected a string of at most ${maxChars} characters`);
  return v;
};

function firstError(...values: unknown[]): ProtocolError | undefined {
  return values.find((v): v is ProtocolError => v instanceof ProtocolError);
}

function parseHello(o: Fields): ClientMsg | ProtocolError {
  const token = str(o, "token", 4096);
  const term = str(o, "term", 64);
  const cols = int(o, "cols", 1, MAX_DIMENSION);
  const rows = int(o, "rows", 1, MAX_DIMENSION);
  const lastSeq = int(o, "lastSeq", 0, Number.MAX_SAFE_INTEGER);
  const mode =
    o.mode === "control" || o.mode === "view" ? o.mode : new ProtocolError("mode: control or view");
  const err = firstError(token, term, cols, rows, lastSeq, mode);
  if (err) return err;
  return { t: "hello", token, term, cols, rows, lastSeq, mode } as ClientMsg;
}

function parseFields(o: Fields): ClientMsg | ProtocolError {
  switch (o.t) {
    case "hello":
      return parseHello(o);
    case "in": {
      const data = str(o, "data", MAX_DATA_CHARS);
      return data instanceof ProtocolError ? data : { t: "in", data };
    }
    case "resize": {
      const cols = int(o, "cols", 1, MAX_DIMENSION);
      const rows = int(o, "rows", 1, MAX_DIMENSION);
      return firstError(cols, rows) ?? { t: "resize", cols: cols as number, rows: rows as number };
    }
    case "ack": {
      const bytes = int(o, "bytes", 0, Number.MAX_SAFE_INTEGER);
      return bytes instanceof ProtocolError ? bytes : { t: "ack", bytes };
    }
    case "ping":
      return { t: "ping" };
    default:
      return new ProtocolError("t: unknown message type");
  }
}

/** Never throws. Unknown fields are ignored so that newer clients can add some. */
export function parseClientMessage(text: string): ClientMsg | ProtocolError {
  if (typeof text !== "string") return new ProtocolError("expected a text frame");
  if (text.length > MAX_FRAME_BYTES) return new ProtocolError(`frame larger than ${MAX_FRAME_BYTES}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return new ProtocolError("frame is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return new ProtocolError("expected a JSON object");
  return parseFields(value as Fields);
}

/** UTF-8 length of a string, without TextEncoder allocation; both sides count acks with it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
