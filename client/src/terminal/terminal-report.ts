// Control characters are the point of this pattern.
// eslint-disable-next-line no-control-regex
const REPORT = /^(\x1b\[[?>]?[\d;]*[cnR]|\x1b\[\??[\d;]*\$y|\x1b\][\d;]+[^\x07\x1b]*(\x07|\x1b\\))$/;

/** Replies a terminal emulator sends by itself, not typed by anyone: device attributes,
 *  status and cursor position reports, mode reports, and OSC colour answers. */
export function isTerminalReport(data: string): boolean {
  return REPORT.test(data);
}
