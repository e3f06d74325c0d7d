import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InputGate } from "./input-gate.ts";

describe("InputGate", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("holds input until the tty has drawn and gone quiet, then sends it in order", () => {
    const written: string[] = [];
    const gate = new InputGate((d) => written.push(String(d)), 150, 3000);
    gate.input("a");
    gate.output();
    gate.input("b");
    vi.advanceTimersByTime(100);
    gate.output();
    vi.advanceTimersByTime(100);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(written).toEqual(["a", "b"]);
    gate.input("c");
    expect(written).toEqual(["a", "b", "c"]);
  });

  it("opens after the maximum wait even if the tty stays silent", () => {
    const written: string[] = [];
    const gate = new InputGate((d) => written.push(String(d)), 150, 3000);
    gate.input("x");
    vi.advanceTimersByTime(2999);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(["x"]);
  });
});
