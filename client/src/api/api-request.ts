// fetch for the Slipway API: the session token as a Bearer header, JSON in and out, and the
// server's `{error: {code, message}}` turned into an ApiError the pages can show as is. Every
// call says it comes from Slipway's own pages (X-Slipway-Client), so the learner's identity
// cookie counts for it; no other site can send that header (see http/learner-cookie.ts).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface RequestOptions {
  readonly token?: string;
  readonly json?: unknown;
  /** A raw text body (file saves). */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export async function apiRequest<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { "x-slipway-client": "1", ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let body: string | undefined;
  if (o.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(o.json);
  } else if (o.text !== undefined) {
    headers["content-type"] = "text/plain; charset=utf-8";
    body = o.text;
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, "network", "the Slipway server cannot be reached; check your connection");
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "http",
      err?.message ?? `${method} ${path}: HTTP ${res.status}`,
    );
  }
  return data as T;
}
