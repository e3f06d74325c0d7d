// Long setup work says what it is doing and for how long, so nobody stares at a silent prompt.
export interface Progress {
  step(message: string): void;
  detail(message: string): void;
  done(message: string): void;
}

export function consoleProgress(write: (line: string) => void, now = () => Date.now()): Progress {
  const start = now();
  const elapsed = () => `${((now() - start) / 1000).toFixed(1)}s`.padStart(7);
  return {
    step: (m) => write(`[setup ${elapsed()}] ${m}`),
    detail: (m) => write(`[setup ${elapsed()}]   ${m}`),
    done: (m) => write(`[setup ${elapsed()}] ${m}`),
  };
}

export const silentProgress: Progress = { step() {}, detail() {}, done() {} };
