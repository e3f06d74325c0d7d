// The one place domain errors become HTTP answers. Unknown errors are logged, never leaked.
import type { ErrorRequestHandler } from "express";
import { type ErrorCode, isSlipwayError } from "../errors.ts";

const STATUS: Record<ErrorCode, number> = {
  "not-found": 404,
  "invalid-input": 400,
  "invalid-lab": 422,
  capacity: 503,
  forbidden: 403,
  unauthorized: 401,
  conflict: 409,
  unavailable: 503,
  timeout: 504,
};

export function errorHandler(log: (msg: string, data: object) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (isSlipwayError(err)) {
      res.status(STATUS[err.code]).json({ error: { code: err.code, message: err.message } });
      return;
    }
    const e = err as { type?: string; status?: number; message?: string };
    // body-parser's own errors: malformed JSON and oversized bodies.
    if (e.type === "entity.parse.failed") {
      res
        .status(400)
        .json({ error: { code: "invalid-input", message: "the request body is not valid JSON" } });
      return;
    }
    if (e.type === "entity.too.large") {
      res.status(413).json({ error: { code: "invalid-input", message: "the request body is too large" } });
      return;
    }
    log("unhandled error", { error: String(err), stack: (err as Error).stack });
    res.status(500).json({ error: { code: "internal", message: "internal error" } });
  };
}
