// How much the gateway tolerates from a client before it answers with an error and drops
// the connection. Generous by default (a slow `docker build` or `load` is not a stall: only
// request heads and policy bodies are timed); tests inject small values.
export interface GatewayLimits {
  /** Request head size (431 beyond it). Registry auth headers can run to several KiB. */
  readonly maxHeaderBytes: number;
  /** A policy body (container create…) is buffered to be read; 413 beyond it. */
  readonly maxBodyBytes: number;
  /** From connection (or the previous request) to a complete request head. */
  readonly headersTimeoutMs: number;
  /** To receive a whole policy body once its head arrived. */
  readonly bodyTimeoutMs: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxHeaderBytes: 64 * 1024,
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 60_000,
  bodyTimeoutMs: 60_000,
};
