// A small player for an asciicast v2 recording: xterm.js draws it, play/pause and a
// scrubber drive it. Seeking rewinds by resetting the terminal and writing everything up to
// that moment at once (recordings are capped, so that stays quick).
import { Terminal } from "@xterm/xterm";
import { h } from "../dom/h.ts";

type Event = readonly [number, string, string];

export function parseCast(text: string): { width: number; height: number; events: Event[] } {
  const [head = "{}", ...rest] = text.trimEnd().split("\n");
  const header = JSON.parse(head) as { width?: number; height?: number };
  const events = rest
    .map((l) => JSON.parse(l) as unknown)
    .filter((e): e is Event => Array.isArray(e) && typeof e[0] === "number" && e[1] === "o");
  return { width: header.width ?? 80, height: header.height ?? 24, events };
}

export function castPlayer(text: string, truncated: boolean): { el: HTMLElement; dispose(): void } {
  const { width, height, events } = parseCast(text);
  const duration = events.at(-1)?.[0] ?? 0;
  const screen = h("div", { class: "cast-screen" });
  const term = new Terminal({
    cols: width,
    rows: height,
    disableStdin: true,
    convertEol: false,
    scrollback: 1000,
  });
  term.open(screen);
  let at = 0; // seconds into the recording
  let next = 0; // index of the next event to write
  let timer: ReturnType<typeof setInterval> | undefined;
  const scrub = h("input", {
    type: "range",
    min: 0,
    max: duration,
    step: 0.1,
    value: 0,
    "aria-label": "Position",
  });
  const clock = h("span", { class: "cast-clock" }, "0.0 s");
  const play = h("button", { type: "button", class: "secondary" }, "Play");
  const seek = (t: number) => {
    if (t < at) {
      term.reset();
      next = 0;
    }
    let chunk = "";
    while (next < events.length && (events[next] as Event)[0] <= t) chunk += (events[next++] as Event)[2];
    if (chunk) term.write(chunk);
    at = t;
    scrub.value = String(t);
    clock.textContent = `${t.toFixed(1)} s / ${duration.toFixed(1)} s`;
  };
  const pause = () => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = "Play";
  };
  play.addEventListener("click", () => {
    if (timer) return pause();
    if (at >= duration) seek(0);
    play.textContent = "Pause";
    timer = setInterval(() => (at >= duration ? pause() : seek(Math.min(duration, at + 0.1))), 100);
  });
  scrub.addEventListener("input", () => seek(Number(scrub.value)));
  seek(duration); // shown at its end first: the final state is what a reader wants first
  const el = h(
    "figure",
    { class: "cast-player" },
    screen,
    h("div", { class: "cast-controls no-print" }, play, scrub, clock),
    truncated
      ? h("figcaption", {}, "The recording was cut at its size limit; what follows is not shown.")
      : null,
  );
  return { el, dispose: () => (pause(), term.dispose()) };
}
