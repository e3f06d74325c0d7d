// How times read on the page: lab lengths ("1 h 30 min") and countdowns ("4:05", "1:02:03").

export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Time spent, to the second under an hour: "38 s", "4 min 5 s", "2 min 0 s", "1 h 2 min". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min ${total % 60} s`;
  return formatDuration(ms);
}

/** A countdown clock; never negative. Seconds are rounded up, so 0:00 means time is up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** "about 3 min" for queue estimates; under a minute reads "less than a minute". */
export function formatWait(ms: number): string {
  return ms < 60_000 ? "less than a minute" : `about ${formatDuration(ms)}`;
}
