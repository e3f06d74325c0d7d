// A class's join code: read aloud and typed from a projector, so eight characters from an
// alphabet without look-alikes (no 0/O, 1/I/L), shown as ABCD-EFGH. 30^8 codes: guessing
// one is not a practical way in, and a class is closed once everyone is there.
import { randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ2345679";
export const JOIN_CODE_LENGTH = 8;

export const newJoinCode = (): string =>
  Array.from({ length: JOIN_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

/** As typed: any case, dashes and spaces ignored. Undefined when it cannot be a code. */
export function normalJoinCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  return code.length === JOIN_CODE_LENGTH && [...code].every((ch) => ALPHABET.includes(ch))
    ? code
    : undefined;
}

export const showJoinCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;
