// Reads a request body the way the engine will. dockerd decodes with Go's encoding/json,
// which matches keys to fields case-insensitively ("hostconfig", even "ſysctls" with a long
// s) and merges a repeated object key into the first. A policy reading plain JSON.parse
// output would miss {"hostconfig":{"privileged":true}} or {"HostConfig":{…},"HostConfig":{}}.
// So keys are folded once here, and any key repeated (after folding) is refused outright.

export class EngineJsonError extends Error {}

const fold = (key: string) => key.toLowerCase().replace(/ſ/g, "s");

/** Parses JSON into objects with folded keys (null prototype); throws EngineJsonError. */
export function parseEngineJson(text: string): unknown {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EngineJsonError("the request body is not valid JSON");
  }
  let keys = 0;
  const folded = foldKeys(value, () => keys++);
  // JSON.parse keeps the last of two identical keys silently: count them in the source too.
  if (keys !== countKeys(text)) throw new EngineJsonError("the request body repeats a key");
  return folded;
}

function foldKeys(value: unknown, onKey: () => void): unknown {
  if (Array.isArray(value)) return value.map((v) => foldKeys(v, onKey));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) {
    onKey();
    const key = fold(k);
    if (key in out) throw new EngineJsonError(`the request body repeats the key "${k}"`);
    out[key] = foldKeys(v, onKey);
  }
  return out;
}

/** Object keys in JSON text: strings followed by a colon. The text is known to be valid. */
function countKeys(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
    let j = i + 1;
    while (/\s/.test(text[j] ?? "")) j++;
    if (text[j] === ":") n++;
  }
  return n;
}

type Obj = Readonly<Record<string, unknown>>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
/** A nested field by folded keys, e.g. at(body, "hostconfig", "binds"). */
export const at = (v: unknown, ...keys: readonly string[]): unknown =>
  keys.reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), v);
export const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
export const text = (v: unknown): string => (typeof v === "string" ? v : "");
export const entries = (v: unknown): ReadonlyArray<[string, unknown]> => (isObj(v) ? Object.entries(v) : []);
/** Present and meaningful: not null, false, 0, "", [] or {}. */
export const isSet = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : isObj(v) ? Object.keys(v).length > 0 : Boolean(v);
