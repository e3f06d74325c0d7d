// Server-Sent Events framing, for a stream read with fetch: `data:` lines gather into one
// message, a blank line ends it, comments (`: ping`) and other fields are skipped.
export class SseParser {
  private buffer = "";
  private data: string[] = [];

  /** Feeds decoded text; returns the messages it completed. */
  push(text: string): string[] {
    this.buffer += text;
    const done: string[] = [];
    let nl: number;
    while ((nl = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, "");
      this.buffer = this.buffer.slice(nl + 1);
      if (line === "") {
        if (this.data.length > 0) done.push(this.data.join("\n"));
        this.data = [];
      } else if (line.startsWith("data:")) this.data.push(line.slice(5).replace(/^ /, ""));
    }
    return done;
  }
}
