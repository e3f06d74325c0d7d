import pino from "pino";

export type Log = (level: "debug" | "info" | "warn" | "error", msg: string, data?: object) => void;

/** Structured JSON logs to stderr; stdout stays for what a person reads (progress, the URL). */
export function createLog(level: string): Log {
  const logger = pino({ level, base: undefined }, pino.destination(2));
  return (lvl, msg, data) => logger[lvl](data ?? {}, msg);
}

export const silentLog: Log = () => undefined;
